using Ingestor.Normalization;
using Ingestor.Normalization.Evaluation;
using Ingestor.Providers;
using Ingestor.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Ingestor.Tests.Providers;

/// <summary>
/// Each provider's labeled set of recorded jobs, read by the providers and normalizer the service composes, as
/// <c>--eval postings</c> reads them: every mapped field right in at least 95% of the jobs.
/// </summary>
public sealed class LabeledPostingsTests(ITestOutputHelper output)
{
    public static TheoryData<string, int> Sets => new()
    {
        { "Ashby/Eval/postings.ashby.jsonl", 88 + 19 },
        { "Lever/Eval/postings.lever.jsonl", 20 },
        { "SmartRecruiters/Eval/postings.smartrecruiters.jsonl", 25 },
    };

    [Theory]
    [MemberData(nameof(Sets))]
    public void EveryFieldIsRightInAtLeast95PercentOfTheLabeledJobs(string set, int jobs)
    {
        using var host = Program.CreateBuilder().Build();
        var providers = host.Services.GetRequiredService<ProviderCatalog>();
        var lines = LabeledSet.Read(Path.Combine(RepositoryPaths.Root, "src", "Ingestor.Tests", "Providers", set));

        var report = PostingEvaluation.Run(lines, providers.ReadAsSent, host.Services.GetRequiredService<PostingNormalizer>());
        var written = new StringWriter();
        report.WriteTo(written);
        output.WriteLine(written.ToString());

        Assert.Equal(jobs, report.Cases);
        Assert.All(report.Fields, field => Assert.True(field.Accuracy >= 0.95, $"{field.Field}: {field.Accuracy:0.000}\n{written}"));
    }
}
