using System.Text.Json;
using Ingestor.Normalization;
using Ingestor.Normalization.Evaluation;
using Ingestor.Providers;
using Ingestor.Providers.SmartRecruiters;
using Ingestor.Tests.Infrastructure;
using Ingestor.Tests.Normalization;

namespace Ingestor.Tests.Providers.SmartRecruiters;

/// <summary>The synthetic board through normalization, as a poll would store it, and scored on its labeled set.</summary>
public sealed class SmartRecruitersPostingsTests(ITestOutputHelper output)
{
    private static readonly PostingNormalizer Normalizer = new(
        SharedGazetteer.Parser, new LaunchScope(new LaunchScopeOptions { Languages = ["en"], Countries = ["US", "CA"] }));

    private static readonly Lazy<IReadOnlyList<NormalizedPosting>> Postings = new(() =>
    {
        var snapshot = SmartRecruitersPayload.Read(AcmeSyntheticBoard.Envelope());
        return [.. snapshot.Jobs.Select(job => Normalizer.Normalize("smartrecruiters", AcmeSyntheticBoard.Company, SmartRecruitersMapping.ToSourceJob(job)))];
    });

    private static string LabeledSet =>
        Path.Combine(RepositoryPaths.Root, "src", "Ingestor.Tests", "Providers", "SmartRecruiters", "Eval", "postings.smartrecruiters.jsonl");

    /// <summary>A labeled line's job is <c>{"list": entry, "detail": detail}</c>: the list entry and what its detail request said.</summary>
    private static SourceJob Read(string provider, JsonElement job)
    {
        Assert.Equal("smartrecruiters", provider);
        var entry = job.GetProperty("list");
        var key = SmartRecruitersPayload.KeyOf(entry) ?? throw new InvalidOperationException("the job has no usable id");
        return SmartRecruitersMapping.ToSourceJob(new ListedJob(key, entry, job.GetProperty("detail")));
    }

    [Fact]
    public void EveryFieldIsRightInAtLeast95PercentOfTheLabeledSet()
    {
        var report = PostingEvaluation.Run(File.ReadLines(LabeledSet), Read, Normalizer);
        var written = new StringWriter();
        report.WriteTo(written);
        output.WriteLine(written.ToString());

        Assert.Equal(25, report.Cases);
        Assert.All(report.Fields, field => Assert.True(field.Accuracy >= 0.95, $"{field.Field}: {field.Accuracy:0.000}\n{written}"));
    }

    [Fact]
    public void EveryPostingOfTheBoardNormalizesWithItsTextUrlAndPlace()
    {
        Assert.Equal(25, Postings.Value.Count);
        Assert.All(Postings.Value, posting =>
        {
            Assert.False(string.IsNullOrWhiteSpace(posting.DescriptionText));
            Assert.StartsWith($"https://jobs.smartrecruiters.com/AcmeSynthetic/{posting.ProviderJobKey}-", posting.SourceUrl);
            Assert.NotNull(posting.CountryCode);
            Assert.NotNull(posting.EmploymentType);
            Assert.Equal(posting.Title, posting.Title.Trim());
        });
        Assert.Equal(25, Postings.Value.Select(p => p.JobId).Distinct().Count());
    }

    [Fact]
    public void ThePostingsWithoutCompensationGetNoSalaryFromTheirText()
    {
        var unpaid = Postings.Value.Where(p => !Source(p).Detail!.Value.TryGetProperty("compensation", out _)).ToList();

        Assert.Equal(16, unpaid.Count);
        Assert.All(unpaid, posting =>
        {
            Assert.Contains("14 countries", posting.DescriptionText);
            Assert.Equal((null, null, null, null), (posting.SalaryMin, posting.SalaryMax, posting.SalaryCurrency, posting.SalaryRaw));
        });
    }

    [Fact]
    public void NativeIsTheListEntryAsListed()
    {
        var posting = Postings.Value.Single(p => p.ProviderJobKey == "743999500000000");

        Assert.Equal(JsonSerializer.Serialize(Source(posting).Source), JsonSerializer.Serialize(posting.Native));
        Assert.False(posting.Native.TryGetProperty("jobAd", out _));
        Assert.True(posting.Native.TryGetProperty("customField", out _));
    }

    private static ListedJob Source(NormalizedPosting posting) =>
        SmartRecruitersPayload.Read(AcmeSyntheticBoard.Envelope()).Jobs.Single(j => j.Key == posting.ProviderJobKey);
}
