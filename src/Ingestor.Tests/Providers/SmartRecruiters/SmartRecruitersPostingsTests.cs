using System.Text.Json;
using Ingestor.Normalization;
using Ingestor.Normalization.Evaluation;
using Ingestor.Providers;
using Ingestor.Providers.SmartRecruiters;
using Ingestor.Tests.Infrastructure;
using Ingestor.Tests.Normalization;

namespace Ingestor.Tests.Providers.SmartRecruiters;

/// <summary>The synthetic board through normalization, as a poll would store it.</summary>
public sealed class SmartRecruitersPostingsTests
{
    private static readonly PostingNormalizer Normalizer = new(
        SharedGazetteer.Parser, new LaunchScope(new LaunchScopeOptions { Languages = ["en"], Countries = ["US", "CA"] }));

    private static readonly Lazy<IReadOnlyList<NormalizedPosting>> Postings = new(() =>
    {
        var snapshot = SmartRecruitersPayload.Read(AcmeSyntheticBoard.Envelope());
        return [.. snapshot.Jobs.Select(job => Normalizer.Normalize("smartrecruiters", AcmeSyntheticBoard.Company, SmartRecruitersMapping.ToSourceJob(job)))];
    });

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
