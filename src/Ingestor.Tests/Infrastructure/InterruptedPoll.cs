using System.Security.Cryptography;
using Ingestor.Archive;
using Ingestor.Tests.Pipeline;

namespace Ingestor.Tests.Infrastructure;

/// <summary>
/// A poll that a test interrupts (a killed worker, a dropped connection): the fal board ingested, then changed, one job
/// retitled and one added, so that the interrupted poll has rows to write and events to insert; and what a test checks
/// before and after it.
/// </summary>
public static class InterruptedPoll
{
    public const long RetitledJob = 4009193009;
    public const long AddedJob = 4099000001;

    /// <summary>Every posting and every event, as the database holds them.</summary>
    public sealed record Ledger(IReadOnlyList<PostingRow> Postings, IReadOnlyList<(string JobId, Guid PollId, string EventType)> Events);

    /// <summary>The fal board polled once in the test's process; from then on it answers with the change.</summary>
    public static async Task<TestIngestor> FalIngestedThenChangedAsync(TestServers servers)
    {
        var ingestor = await TestIngestor.StartAsync(servers);
        ingestor.Greenhouse.Script("fal", Reply.Board("fal"));
        Assert.Equal(Ingestor.Storage.PollOutcome.Succeeded, (await ingestor.PollAsync("fal")).Outcome);
        await DueNowAsync(ingestor);

        var changed = BoardPayload.Of("fal").Edit(RetitledJob, job => job["title"] = "Staff Software Engineer, Inference");
        var added = changed.Job(RetitledJob).DeepClone().AsObject();
        added["id"] = AddedJob;
        added["title"] = "Research Engineer, Video";
        changed.Jobs.Add(added);
        changed.DeclaringTotal(changed.Jobs.Count);
        ingestor.Greenhouse.Script("fal", changed.Reply());
        return ingestor;
    }

    /// <summary>Makes the board due now, rather than a poll interval (10 minutes) after its last poll.</summary>
    public static Task DueNowAsync(TestIngestor ingestor) =>
        ingestor.ScalarAsync<int>("update boards set next_poll_at = now() where board_token = 'fal' returning 1");

    /// <summary>Settings for worker processes that sweep every second and hold a claimed board for <paramref name="lease"/>.</summary>
    public static Dictionary<string, string?> WorkerSettings(TestIngestor ingestor, TimeSpan lease, Uri? archive = null)
    {
        var settings = new Dictionary<string, string?>(ingestor.Settings)
        {
            ["Scheduling:SweepInterval"] = "00:00:01",
            ["Scheduling:ClaimLease"] = lease.ToString(),
        };
        if (archive is not null)
            settings["Archive:ServiceUrl"] = archive.ToString();
        return settings;
    }

    public static void AssertSame(Ledger expected, Ledger actual)
    {
        Assert.Equal(expected.Postings, actual.Postings);
        Assert.Equal(expected.Events, actual.Events);
    }

    public static async Task<Ledger> LedgerAsync(TestIngestor ingestor) => new(
        await ingestor.QueryAsync<PostingRow>(Sql.Postings),
        await ingestor.QueryAsync<(string, Guid, string)>("select job_id, poll_id, event_type from job_events order by event_id"));

    /// <summary>
    /// Every archive object the database names (polls, posting rows, events) that is missing or not whole: an object is whole
    /// when it decompresses to bytes whose SHA-256 is the one its key names.
    /// </summary>
    public static async Task<IReadOnlyList<string>> UnsoundArchiveReferencesAsync(TestIngestor ingestor, S3Server s3)
    {
        var uris = await ingestor.QueryAsync<string>(
            """
            select raw_payload_uri from polls where raw_payload_uri is not null
            union select raw_payload_uri from posting_rows
            union select raw_payload_uri from job_events
            """);
        var unsound = new List<string>();
        foreach (var uri in uris)
        {
            var key = new Uri(uri).AbsolutePath.TrimStart('/');
            try
            {
                var payload = PayloadCompression.Decompress(await s3.ReadAsync(ingestor.Bucket, key));
                if (!key.EndsWith($"-{Convert.ToHexStringLower(SHA256.HashData(payload))}{PayloadCompression.Extension}", StringComparison.Ordinal))
                    unsound.Add($"{uri} (its bytes are not the ones its key names)");
            }
            catch (Exception e) when (e is Amazon.S3.AmazonS3Exception or ZstdNet.ZstdException)
            {
                unsound.Add($"{uri} ({e.Message})");
            }
        }
        return unsound;
    }

    /// <summary>Waits until <paramref name="condition"/> holds, for a minute at most, then fails saying <paramref name="whyNot"/>.</summary>
    public static async Task UntilAsync(Func<Task<bool>> condition, Func<string> whyNot)
    {
        for (var waited = 0; waited < 600; waited++)
        {
            if (await condition())
                return;
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
        Assert.Fail($"timed out: {whyNot()}");
    }
}
