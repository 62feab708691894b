using Ingestor.Normalization;
using Ingestor.Providers;
using Ingestor.Providers.Lever;
using Ingestor.Tests.Infrastructure;
using Ingestor.Tests.Normalization;

namespace Ingestor.Tests.Providers.Lever;

public sealed class LeverRecordedPostingsTests
{
    private static readonly PostingNormalizer Normalizer = new(
        SharedGazetteer.Parser, new LaunchScope(new LaunchScopeOptions { Languages = ["en"], Countries = ["US", "CA"] }));

    private static BoardSnapshot Snapshot() => LeverPayload.Read(File.ReadAllBytes(RepositoryPaths.Samples("lever", "v0", "postings", "plaid.json")));

    [Fact]
    public void EveryRecordedPostingNormalizesIntoAStorablePosting()
    {
        using var snapshot = Snapshot();
        foreach (var listed in snapshot.Jobs)
        {
            var posting = Normalizer.Normalize("lever", "plaid", LeverMapping.ToSourceJob(listed));

            Assert.Matches("^[0-9a-f]{40}$", posting.JobId);
            Assert.Matches("^[0-9a-f]{64}$", posting.ContentHash);
            Assert.Equal(posting.Title.Trim(), posting.Title);
            Assert.False(string.IsNullOrWhiteSpace(posting.DescriptionText));
            Assert.Equal("full_time", posting.EmploymentType);
            Assert.NotNull(posting.SourcePostedAt);
            Assert.True(posting.SalaryMin is null || posting.SalaryMin <= posting.SalaryMax);
            Assert.True(posting.CountryCode is null || posting.Country is not null, $"{posting.LocationText}: a country code without a name");
        }
    }

    [Fact]
    public void TheNativeObjectKeepsEveryFieldButTheDescriptionsInHtmlAndPlain()
    {
        using var snapshot = Snapshot();
        foreach (var listed in snapshot.Jobs)
        {
            var posting = Normalizer.Normalize("lever", "plaid", LeverMapping.ToSourceJob(listed));
            var names = posting.Native.EnumerateObject().Select(p => p.Name).ToHashSet();

            Assert.Empty(names.Intersect(LeverDescription.Properties));
            Assert.DoesNotContain(names, name => name.EndsWith("Plain", StringComparison.Ordinal));
            Assert.Superset(new HashSet<string> { "id", "text", "categories", "country", "workplaceType", "createdAt", "hostedUrl", "applyUrl" }, names);
        }
    }

    [Fact]
    public void TheSourceHashDoesNotDependOnTheOrderOfKeys()
    {
        using var snapshot = Snapshot();
        foreach (var listed in snapshot.Jobs)
        {
            var reordered = ReversedKeys.Of(listed.Source);
            Assert.NotEqual(listed.Source.GetRawText(), reordered.GetRawText());

            Assert.Equal(
                PostingNormalizer.Identify("lever", "plaid", listed),
                PostingNormalizer.Identify("lever", "plaid", new ListedJob(listed.Key, reordered)));
        }
    }
}
