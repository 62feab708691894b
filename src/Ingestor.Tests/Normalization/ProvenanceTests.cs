using System.Globalization;
using Ingestor.Normalization;
using Ingestor.Tests.Infrastructure;

namespace Ingestor.Tests.Normalization;

/// <summary><c>parsed.provenance</c>: where each inferred field came from, as sure as its reading, under the current parser version.</summary>
public sealed class ProvenanceTests
{
    private static readonly PostingNormalizer Normalizer = new(
        SharedGazetteer.Parser, new LaunchScope(new LaunchScopeOptions { Languages = ["en"], Countries = ["US", "CA"] }));

    private static NormalizedPosting Posting(string board, long id) =>
        Normalizer.Normalize("greenhouse", board, GreenhouseJobs.Read(Payloads.Board(board)).Single(j => j.Key == id.ToString(CultureInfo.InvariantCulture)));

    private static (string? Source, double? Confidence) Of(NormalizedPosting posting, string field) =>
        posting.Parsed["provenance"]![field] is { } entry ? ((string?)entry["source"], (double?)entry["confidence"]) : (null, null);

    [Fact]
    public void FieldsAProviderStatesAreStructuredAndAScopeIsDerived()
    {
        var posting = Posting("eurotech", 5100000001);

        Assert.Equal(ParserVersion.Current, (int)posting.Parsed["parser_version"]!);
        Assert.Equal((Provenance.Structured, (double?)posting.Parsed["confidence"]!["salary"]), Of(posting, "salary"));
        Assert.Equal((Provenance.Structured, 0.95), Of(posting, "workplace_type"));
        Assert.Equal((Provenance.Structured, 0.95), Of(posting, "employment_type"));
        Assert.Equal(Provenance.Structured, Of(posting, "location").Source);
        Assert.Equal(Provenance.Derived, Of(posting, "launch_scope").Source);
        Assert.Equal(ParserVersion.Current, (int)posting.Parsed["provenance"]!["salary"]!["parser_version"]!);
    }

    [Fact]
    public void PayReadFromTheDescriptionIsText()
    {
        var posting = Posting("remoteco", 6200000005);

        Assert.Equal(Provenance.Text, Of(posting, "salary").Source);
        Assert.Equal((double?)posting.Parsed["confidence"]!["salary"], Of(posting, "salary").Confidence);
    }

    [Fact]
    public void AFieldWithNoValueHasNoProvenance()
    {
        var posting = Posting("eurotech", 5100000001);

        Assert.Null(posting.Team);
        Assert.Null(posting.Parsed["provenance"]!["team"]);
        Assert.True(posting.Parsed["provenance"]!.AsObject().ContainsKey("team"));
    }
}
