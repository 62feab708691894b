using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ingestor.Normalization;
using Ingestor.Normalization.Fingerprints;
using Ingestor.Providers;
using Ingestor.Providers.Ashby;
using Ingestor.Providers.Greenhouse;
using Ingestor.Providers.Lever;
using Ingestor.Reconciliation;
using Ingestor.Tests.Infrastructure;
using Ingestor.Tests.Normalization;

namespace Ingestor.Tests.Reconciliation;

/// <summary>
/// Repost links measured on Eval/reposts.recorded.jsonl: pairs of real postings from the recorded boards of every provider,
/// labeled before measuring. The earlier posting closed, the later one opened a day after: is the later a repost of it?
/// Positives are real postings re-keyed as an employer's new requisition would be (a new id, new URLs and dates), some with a
/// sentence added; negatives are the boards' real postings that share a title with another: other places, other descriptions.
/// A false link costs more than a missed one, so precision has the higher floor.
/// </summary>
public sealed class RepostEvaluationTests(ITestOutputHelper output)
{
    private sealed record Case(string Provider, string Board, string Earlier, string Later, string? Edit, bool Repost, string Why);

    private static readonly JsonSerializerOptions CaseJson = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private static readonly PostingNormalizer Normalizer = new(
        SharedGazetteer.Parser, new LaunchScope(new LaunchScopeOptions { Languages = ["en"], Countries = ["US", "CA"] }));

    private static readonly DateTimeOffset ClosedAt = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void NoLinkIsFalseAndAtLeastThreeQuartersOfTheRepostsAreLinked()
    {
        var cases = File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Reconciliation", "Eval", "reposts.recorded.jsonl"))
            .Select(line => JsonSerializer.Deserialize<Case>(line, CaseJson)!)
            .ToList();
        var boards = cases.Select(c => (c.Provider, c.Board)).Distinct().ToDictionary(b => b, b => Jobs(b.Provider, b.Board));

        var outcomes = cases.Select(c => (Case: c, Linked: Linked(c, boards[(c.Provider, c.Board)]))).ToList();
        var truePositives = outcomes.Count(o => o.Linked && o.Case.Repost);
        var falsePositives = outcomes.Where(o => o.Linked && !o.Case.Repost).ToList();
        var missed = outcomes.Where(o => !o.Linked && o.Case.Repost).ToList();
        var precision = truePositives / (double)(truePositives + falsePositives.Count);
        var recall = truePositives / (double)(truePositives + missed.Count);
        output.WriteLine($"{cases.Count} pairs ({cases.Count(c => c.Repost)} reposts) from {boards.Count} boards: precision {precision:0.000}, recall {recall:0.000}");
        foreach (var (c, _) in falsePositives)
            output.WriteLine($"false link: {c.Board} {c.Earlier} → {c.Later} ({c.Why})");
        foreach (var (c, _) in missed)
            output.WriteLine($"missed: {c.Board} {c.Earlier} → {c.Later} {c.Edit} ({c.Why})");

        Assert.True(cases.Count >= 100 && boards.Keys.Select(b => b.Provider).Distinct().Count() == 3);
        Assert.True(precision >= 1.0, $"precision {precision:0.000}");
        Assert.True(recall >= 0.75, $"recall {recall:0.000}");
    }

    private static bool Linked(Case c, IReadOnlyDictionary<string, JsonObject> jobs)
    {
        var earlier = Normalize(c.Provider, c.Board, jobs[c.Earlier]);
        var later = Normalize(c.Provider, c.Board, c.Edit switch
        {
            null => jobs[c.Later],
            "rekey" => Rekeyed(c.Provider, jobs[c.Later]),
            "rekey_reworded" => Reworded(Rekeyed(c.Provider, jobs[c.Later])),
            _ => throw new InvalidOperationException($"unknown edit {c.Edit}"),
        });
        var left = RepostFingerprint.Of(earlier) is { } fingerprint
            ? new[] { new LeftPosting(earlier.JobId, fingerprint, ClosedAt, earlier.JobId, ClosedAt.AddDays(-20)) }
            : [];
        var links = Reposts.Link([(later.JobId, RepostFingerprint.Of(later))], left, ClosedAt.AddDays(1), TimeSpan.FromDays(30));
        return links.ContainsKey(later.JobId);
    }

    /// <summary>The job as a new requisition of it would be listed: every mention of its id replaced, new dates and numbers.</summary>
    private static JsonObject Rekeyed(string provider, JsonObject job)
    {
        var key = KeyOf(provider, job);
        var newKey = long.TryParse(key, out var number) ? (number + 1_000_000_000).ToString(CultureInfo.InvariantCulture) : new string([.. key.Reverse()]);
        var rekeyed = JsonNode.Parse(job.ToJsonString().Replace(key, newKey, StringComparison.Ordinal))!.AsObject();
        foreach (var (name, value) in new (string, JsonNode)[]
        {
            ("updated_at", "2026-06-02T09:00:00-04:00"), ("first_published", "2026-06-02T09:00:00-04:00"), ("requisition_id", "R-90210"),
            ("internal_job_id", 9_000_000_001), ("createdAt", 1_780_000_000_000), ("publishedAt", "2026-06-02T13:00:00.000+00:00"),
        })
            if (rekeyed.ContainsKey(name))
                rekeyed[name] = value.DeepClone();
        return rekeyed;
    }

    /// <summary>One sentence added where the provider keeps the description.</summary>
    private static JsonObject Reworded(JsonObject job)
    {
        foreach (var name in new[] { "content", "descriptionHtml", "description" })
            if (job[name] is JsonValue value && value.TryGetValue<string>(out var text))
            {
                job[name] = text + " Applications are reviewed on a rolling basis.";
                if (job["descriptionPlain"] is JsonValue plain)
                    job["descriptionPlain"] = plain.GetValue<string>() + " Applications are reviewed on a rolling basis.";
                return job;
            }
        throw new InvalidOperationException("the job has no description to reword");
    }

    private static NormalizedPosting Normalize(string provider, string board, JsonObject job)
    {
        using var document = JsonDocument.Parse(job.ToJsonString());
        var listed = new ListedJob(KeyOf(provider, job), document.RootElement.Clone());
        return Normalizer.Normalize(provider, board, provider switch
        {
            "greenhouse" => GreenhouseJobs.Read(listed),
            "lever" => LeverMapping.ToSourceJob(listed),
            "ashby" => AshbyMapping.ToSourceJob(listed),
            _ => throw new InvalidOperationException($"no recorded board of {provider}"),
        });
    }

    private static string KeyOf(string provider, JsonObject job) => provider == "greenhouse" ? ((long)job["id"]!).ToString(CultureInfo.InvariantCulture) : (string)job["id"]!;

    private static Dictionary<string, JsonObject> Jobs(string provider, string board)
    {
        var (bytes, list) = provider switch
        {
            "greenhouse" => (Payloads.Board(board), "jobs"),
            "lever" => (File.ReadAllBytes(RepositoryPaths.Samples("lever", "v0", "postings", $"{board}.json")), null),
            "ashby" => (File.ReadAllBytes(RepositoryPaths.Samples("ashby", "posting-api", "job-board", $"{board}.json")), "jobs"),
            _ => throw new InvalidOperationException($"no recorded board of {provider}"),
        };
        var root = JsonNode.Parse(bytes)!;
        var jobs = (list is null ? root : root[list]!).AsArray().Select(job => job!.AsObject());
        return jobs.ToDictionary(job => KeyOf(provider, job));
    }
}
