using System.Security.Cryptography;
using System.Text;
using Ingestor.Normalization;
using Ingestor.Storage;
using Ingestor.Tests.Infrastructure;
using Ingestor.Tests.Normalization;

namespace Ingestor.Tests.Storage;

/// <summary>The description hash decides whether a description is sent again; it must stay the one migration 003 computes in SQL.</summary>
public sealed class DescriptionHashTests
{
    private static readonly NormalizedPosting Posting = new PostingNormalizer(
            SharedGazetteer.Parser, new LaunchScope(new LaunchScopeOptions { Languages = ["en"], Countries = ["US", "CA"] }))
        .Normalize("greenhouse", "fal", GreenhouseJobs.Read(Payloads.Board("fal"))[0]);

    [Theory]
    [InlineData("<p>Köln – Team 😀</p>", "Köln – Team 😀")]
    [InlineData("<p>plain</p>", "plain")]
    [InlineData("<p>no text</p>", null)]
    public void IsTheSha256OfTheHtmlAndTextJoinedByAUnitSeparator(string html, string? text)
    {
        var joined = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{html}\u001f{text}")));

        Assert.Equal(joined, PostingRowsCopy.DescriptionHash(Posting with { DescriptionHtml = html, DescriptionText = text }));
    }

    [Fact]
    public void IsNullWithoutADescription() =>
        Assert.Null(PostingRowsCopy.DescriptionHash(Posting with { DescriptionHtml = null, DescriptionText = null }));
}
