using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using Dapper;
using Ingestor.Archive;
using Ingestor.Polling;
using Ingestor.Providers;
using Ingestor.Storage;
using Npgsql;

namespace Ingestor.Replay;

/// <summary>
/// Rebuilds a board's postings and events, into an empty database, from its archived objects in the order they were received:
/// each payload goes through the live poll's own normalize-and-reconcile (<see cref="BoardPoller.ApplyAsync"/>), observed at
/// the instant its key names, with the job endpoints' answers its poll record kept instead of the network's. An object that
/// cannot be read stops the replay with its key; a payload the provider rejects is reported and changes nothing, as it did live.
/// </summary>
public sealed class BoardReplay(IRawArchive archive, BoardPoller poller, Boards boards, NpgsqlDataSource database)
{
    private static readonly IReadOnlyDictionary<string, JobCheck> NoChecks = new Dictionary<string, JobCheck>();

    /// <param name="progress">Called after each poll replayed with the totals so far, and whether it ended its day's partition.</param>
    /// <exception cref="UnreadableArchiveObjectException">The replay stopped at this object; what came before it is in the database.</exception>
    public async Task<ReplaySummary> RunAsync(BoardName board, DateOnly? since, Action<ReplaySummary, DateOnly, bool> progress, CancellationToken cancellationToken)
    {
        await EnsureEmptyAsync(cancellationToken);
        var registered = await boards.RegisterAsync(board, cancellationToken);
        var keys = await archive.ListAsync(ArchiveKey.BoardPrefix(registered.Provider, registered.BoardToken), cancellationToken);
        var steps = ReplayPlan.From(keys, since);

        var clock = Stopwatch.StartNew();
        var summary = ReplaySummary.Empty;
        var rejected = new List<string>();
        (string Key, byte[] Body)? last = null;
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            if (last?.Key != step.PayloadKey)
                last = (step.PayloadKey, await ReadPayloadAsync(step, cancellationToken));
            var checks = step.PollRecordKey is { } recordKey ? (await ReadPollRecordAsync(recordKey, cancellationToken)).Checks : NoChecks;
            var receipt = new PayloadReceipt(
                Guid.CreateVersion7(), step.ObservedAt, step.ObservedAt, 200, step.Sha256, last.Value.Body.Length, null, null, null);
            PollRecord? poll = null;
            try
            {
                poll = await poller.ApplyAsync(
                    registered, receipt, archive.UriOf(step.PayloadKey), last.Value.Body,
                    (_, _, _) => Task.FromResult(new BoardPoller.CheckedCloses(checks, Task.CompletedTask)), cancellationToken);
            }
            catch (MalformedPayloadException e)
            {
                rejected.Add($"{step.PayloadKey}: {e.Message}");
            }
            summary = summary with
            {
                Polls = summary.Polls + 1, PollRecords = summary.PollRecords + (step.PollRecordKey is null ? 0 : 1),
                Postings = summary.Postings + (poll?.JobCount ?? 0), Opened = summary.Opened + (poll?.Opened ?? 0),
                Updated = summary.Updated + (poll?.Updated ?? 0), Reopened = summary.Reopened + (poll?.Reopened ?? 0),
                Closed = summary.Closed + (poll?.Closed ?? 0), Rejected = [.. rejected], Elapsed = clock.Elapsed,
            };
            progress(summary, step.Day, i == steps.Count - 1 || steps[i + 1].Day != step.Day);
        }
        return summary;
    }

    private async Task EnsureEmptyAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        if (await connection.ExecuteScalarAsync<bool>("select exists (select from polls) or exists (select from posting_rows)"))
            throw new InvalidOperationException(
                "the database already holds polls or postings: --replay rebuilds a board into an empty database (point ConnectionStrings__Postgres at a new one)");
    }

    private async Task<byte[]> ReadPayloadAsync(ReplayStep step, CancellationToken cancellationToken)
    {
        var stored = await ReadAsync(step.PayloadKey, cancellationToken);
        byte[] payload;
        try
        {
            payload = PayloadCompression.Decompress(stored);
        }
        catch (Exception e)
        {
            throw new UnreadableArchiveObjectException(step.PayloadKey, $"is not a readable zstd frame: {e.Message}", e);
        }
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(payload));
        return sha256 == step.Sha256
            ? payload
            : throw new UnreadableArchiveObjectException(step.PayloadKey, $"holds bytes whose SHA-256 is {sha256}, not the one its name says");
    }

    private async Task<ArchivedPoll> ReadPollRecordAsync(string key, CancellationToken cancellationToken)
    {
        var stored = await ReadAsync(key, cancellationToken);
        try
        {
            return ArchivedPoll.FromJson(stored);
        }
        catch (JsonException e)
        {
            throw new UnreadableArchiveObjectException(key, $"is not a readable poll record: {e.Message}", e);
        }
    }

    private async Task<byte[]> ReadAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            return await archive.ReadAsync(key, cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new UnreadableArchiveObjectException(key, $"could not be read: {e.Message}", e);
        }
    }
}
