using Ingestor.Normalization.Descriptions;
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
    public void AnyMarkupReadsAsTheBodyOfAWholeDocumentReadsIt()
    {
        string[] elements = ["p", "div", "ul", "ol", "li", "h2", "h3", "dl", "dt", "dd", "blockquote", "section", "span", "a", "b", "strong", "em", "i", "u", "sup", "br", "hr", "img", "wbr"];
        string[] others = ["<script>x()</script>", "<table><tr><td>t</td></tr></table>", "<pre>\n p</pre>", "<!-- c -->", "<br/>", "</br>", "<p/>", "<span/>",
            "<svg><p>s</p></svg>", "<textarea>\nt</textarea>", "<select><option>o", "<template>t</template>", "</body>", "<body class=x>", "<font>f</font>", "<nobr>n",
            "<xmp>x</xmp>", "<plaintext>", "<a href=\"u", "<input disabled>", "<!DOCTYPE html>", "<object>o</object>", "<noscript>n</noscript>", "<LI>", "</P>"];
        string[] attributes = ["", " class=\"x y\"", " style=\"color: red; a&amp;b <c> \\\"q\\\"\"", " href=\"javascript:x()\"", " href=\" JavaScript:x\"", " onclick=\"y()\"",
            " data-x='&quot;1&quot;'", " hidden", " title=\"&nbsp;&lt;&gt;\"", " CLASS=up", " id=a id=b", " target=_blank"];
        string[] texts = ["Text", "a & b", "&amp;lt;", "&nbsp;", "\u00A0", " ", "  ", "\n", "\r\n", "\t", "x > y < z", "&copy", "&#x27;&#39;", "Café", "€120,000", "- ", "\u2003", "\0"];
        var random = new Random(1130);
        for (var sample = 0; sample < 3000; sample++)
        {
            var open = new List<string>();
            var html = new System.Text.StringBuilder();
            for (var token = random.Next(30); token >= 0; token--)
            {
                switch (random.Next(10))
                {
                    case < 4:
                        var element = elements[random.Next(elements.Length)];
                        html.Append($"<{element}{attributes[random.Next(attributes.Length)]}>");
                        open.Add(element);
                        break;
                    case < 6 when open.Count > 0:
                        // Mostly the element open last; sometimes another, as misnested markup does.
                        var closed = random.Next(5) == 0 ? open[random.Next(open.Count)] : open[^1];
                        html.Append($"</{closed}>");
                        open.Remove(closed);
                        break;
                    case 6 when random.Next(4) == 0:
                        html.Append(others[random.Next(others.Length)]);
                        break;
                    default:
                        html.Append(texts[random.Next(texts.Length)]);
                        break;
                }
            }
            if (random.Next(3) == 0)
                open.Clear();
            foreach (var element in Enumerable.Reverse(open))
                html.Append($"</{element}>");

            Assert.Equal(HtmlText.FromDocument(html.ToString()), HtmlText.FromHtml(html.ToString()));
        }
    }

    [Fact]
    public void BrokenMarkupStillGivesItsText() =>
        Assert.Equal("Unclosed\nparagraph", HtmlText.FromEscapedContent("&lt;p&gt;Unclosed&lt;div&gt;paragraph")!.Text);
}
