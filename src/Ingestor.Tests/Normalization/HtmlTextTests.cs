using Ingestor.Normalization;

namespace Ingestor.Tests.Normalization;

public sealed class HtmlTextTests
{
    [Fact]
    public void ContentEscapedTwiceBecomesHtmlAndPlainText()
    {
        var description = HtmlText.FromEscapedContent(
            "&lt;p&gt;Caf&amp;eacute; &amp;amp; bar&amp;nbsp;team&lt;/p&gt;&lt;ul&gt;&lt;li&gt;Go&lt;/li&gt;&lt;li&gt;Rust&lt;/li&gt;&lt;/ul&gt;")!;

        Assert.Equal("<p>Café &amp; bar&nbsp;team</p><ul><li>Go</li><li>Rust</li></ul>", description.Html);
        Assert.Equal("Café & bar team\n- Go\n- Rust", description.Text);
    }

    [Fact]
    public void MarkupEscapedInsideTheTextStaysText()
    {
        var description = HtmlText.FromEscapedContent("&lt;p&gt;&amp;lt;script&amp;gt;alert(1)&amp;lt;/script&amp;gt; Day rate £450.&lt;/p&gt;")!;

        Assert.Equal("<script>alert(1)</script> Day rate £450.", description.Text);
        Assert.DoesNotContain("<script>", description.Html);
    }

    [Fact]
    public void ScriptsStylesAndEventHandlersDoNotReachTheStoredHtml()
    {
        var description = HtmlText.FromEscapedContent(
            "&lt;p onclick=&quot;x()&quot;&gt;Hi&lt;/p&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;style&gt;p{}&lt;/style&gt;&lt;a href=&quot;javascript:x()&quot;&gt;link&lt;/a&gt;")!;

        Assert.Equal("<p>Hi</p><a>link</a>", description.Html);
        Assert.Equal("Hi\nlink", description.Text);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void NoContentIsNoDescription(string? content) => Assert.Null(HtmlText.FromEscapedContent(content));

    [Fact]
    public void BrokenMarkupStillGivesItsText() =>
        Assert.Equal("Unclosed\nparagraph", HtmlText.FromEscapedContent("&lt;p&gt;Unclosed&lt;div&gt;paragraph")!.Text);
}
