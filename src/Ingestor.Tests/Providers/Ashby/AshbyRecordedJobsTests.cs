using System.Text.Json;
using System.Text.Json.Nodes;
using Ingestor.Normalization;
using Ingestor.Providers;
using Ingestor.Providers.Ashby;
using Ingestor.Tests.Infrastructure;
using Ingestor.Tests.Normalization;

namespace Ingestor.Tests.Providers.Ashby;

public sealed class AshbyRecordedJobsTests
{
    private static readonly PostingNormalizer Normalizer = new(
        SharedGazetteer.Parser, new LaunchScope(new LaunchScopeOptions { Languages = ["en"], Countries = ["US", "CA"] }));

    public static TheoryData<string> Boards => ["lambda", "linear"];

    private static BoardSnapshot Snapshot(string board) =>
        AshbyPayload.Read(File.ReadAllBytes(RepositoryPaths.Samples("ashby", "posting-api", "job-board", $"{board}.json")));

    [Theory]
    [MemberData(nameof(Boards))]
    public void EveryRecordedJobNormalizesIntoAStorablePosting(string board)
    {
        using var snapshot = Snapshot(board);
        foreach (var listed in snapshot.Jobs)
        {
            var posting = Normalizer.Normalize("ashby", board, AshbyMapping.ToSourceJob(listed));

            Assert.Matches("^[0-9a-f]{40}$", posting.JobId);
            Assert.Matches("^[0-9a-f]{64}$", posting.ContentHash);
            Assert.Equal(posting.Title.Trim(), posting.Title);
            Assert.False(string.IsNullOrWhiteSpace(posting.DescriptionText));
            Assert.Equal("full_time", posting.EmploymentType);
            Assert.True(posting.SalaryMin is null || posting.SalaryMin <= posting.SalaryMax);
            Assert.True(posting.CountryCode is null || posting.Country is not null, $"{posting.LocationText}: a country code without a name");
        }
    }

    [Theory]
    [MemberData(nameof(Boards))]
    public void TheNativeObjectIsTheJobWithoutItsDescriptions(string board)
    {
        using var snapshot = Snapshot(board);
        foreach (var listed in snapshot.Jobs)
        {
            var posting = Normalizer.Normalize("ashby", board, AshbyMapping.ToSourceJob(listed));

            Assert.False(posting.Native.TryGetProperty("descriptionHtml", out _));
            Assert.False(posting.Native.TryGetProperty("descriptionPlain", out _));
            Assert.Equal(listed.Key, posting.Native.GetProperty("id").GetString());
            Assert.Equal(listed.Source.EnumerateObject().Count() - 2, posting.Native.EnumerateObject().Count());
        }
    }

    [Fact]
    public void TheSourceHashDoesNotDependOnTheOrderOfKeys()
    {
        using var snapshot = Snapshot("lambda");
        foreach (var listed in snapshot.Jobs.Take(10))
        {
            var reordered = ReversedKeys.Of(listed.Source);
            Assert.NotEqual(listed.Source.GetRawText(), reordered.GetRawText());

            var (jobId, sourceHash) = PostingNormalizer.Identify("ashby", "lambda", listed);
            Assert.Equal((jobId, sourceHash), PostingNormalizer.Identify("ashby", "lambda", new ListedJob(listed.Key, reordered)));
        }
    }

    [Fact]
    public void TheContentHashChangesWithWhatAReaderSeesAndNotWithThePublishTime()
    {
        using var snapshot = Snapshot("lambda");
        var listed = snapshot.Jobs[0];
        string ContentHash(JsonElement job) => Normalizer.Normalize("ashby", "lambda", AshbyMapping.ToSourceJob(new ListedJob(listed.Key, job))).ContentHash;

        var original = ContentHash(listed.Source);
        Assert.Equal(original, ContentHash(With(listed.Source, "publishedAt", "2030-01-01T00:00:00.000+00:00")));
        Assert.NotEqual(original, ContentHash(With(listed.Source, "title", "Another Title")));
        Assert.NotEqual(original, ContentHash(With(listed.Source, "location", "Seattle, WA")));
    }

    private static JsonElement With(JsonElement job, string name, string value)
    {
        var node = JsonNode.Parse(job.GetRawText())!.AsObject();
        node[name] = value;
        return JsonSerializer.SerializeToElement(node);
    }
}
