using Ingestor.Normalization;
using Ingestor.Normalization.Evaluation;
using Ingestor.Providers;
using Ingestor.Providers.Ashby;
using Ingestor.Tests.Infrastructure;
using Ingestor.Tests.Normalization;

namespace Ingestor.Tests.Providers.Ashby;

public sealed class AshbyEvaluationTests(ITestOutputHelper output)
{
    private static readonly PostingNormalizer Normalizer = new(
        SharedGazetteer.Parser, new LaunchScope(new LaunchScopeOptions { Languages = ["en"], Countries = ["US", "CA"] }));

    private static readonly string LabeledSetPath =
        Path.Combine(RepositoryPaths.Root, "src", "Ingestor.Tests", "Providers", "Ashby", "Eval", "postings.ashby.jsonl");

    [Fact]
    public void EveryFieldIsRightInAtLeast95PercentOfTheLabeledRecordedJobs()
    {
        var report = PostingEvaluation.Run(LabeledSet.Read(LabeledSetPath), Read, Normalizer);
        var written = new StringWriter();
        report.WriteTo(written);
        output.WriteLine(written.ToString());

        Assert.Equal(88 + 19, report.Cases);
        Assert.All(report.Fields, field => Assert.True(field.Accuracy >= 0.95, $"{field.Field}: {field.Accuracy:0.000}\n{written}"));
    }

    private static SourceJob Read(string provider, System.Text.Json.JsonElement job)
    {
        Assert.Equal("ashby", provider);
        return AshbyMapping.ToSourceJob(new ListedJob(AshbyPayload.KeyOf(job)!, job));
    }
}
