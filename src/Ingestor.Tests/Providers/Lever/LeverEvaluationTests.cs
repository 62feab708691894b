using Ingestor.Normalization;
using Ingestor.Normalization.Evaluation;
using Ingestor.Providers;
using Ingestor.Providers.Lever;
using Ingestor.Tests.Infrastructure;
using Ingestor.Tests.Normalization;

namespace Ingestor.Tests.Providers.Lever;

public sealed class LeverEvaluationTests(ITestOutputHelper output)
{
    private static readonly PostingNormalizer Normalizer = new(
        SharedGazetteer.Parser, new LaunchScope(new LaunchScopeOptions { Languages = ["en"], Countries = ["US", "CA"] }));

    private static readonly string LabeledSetPath =
        Path.Combine(RepositoryPaths.Root, "src", "Ingestor.Tests", "Providers", "Lever", "Eval", "postings.lever.jsonl");

    [Fact]
    public void EveryFieldIsRightInAtLeast95PercentOfTheLabeledRecordedJobs()
    {
        var report = PostingEvaluation.Run(LabeledSet.Read(LabeledSetPath), Read, Normalizer);
        var written = new StringWriter();
        report.WriteTo(written);
        output.WriteLine(written.ToString());

        Assert.Equal(20, report.Cases);
        Assert.All(report.Fields, field => Assert.True(field.Accuracy >= 0.95, $"{field.Field}: {field.Accuracy:0.000}\n{written}"));
    }

    private static SourceJob Read(string provider, System.Text.Json.JsonElement job)
    {
        Assert.Equal("lever", provider);
        return LeverMapping.ToSourceJob(new ListedJob(LeverPayload.KeyOf(job)!, job));
    }
}
