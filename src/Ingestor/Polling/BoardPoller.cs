using System.Diagnostics;
using System.Security.Cryptography;
using Ingestor.Archive;
using Ingestor.Normalization;
using Ingestor.Normalization.Fingerprints;
using Ingestor.Normalization.Locations;
using Ingestor.Providers;
using Ingestor.Storage;
using Ingestor.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Ingestor.Polling;

/// <summary>
/// One poll of one board, the same for the schedule and the command line: fetch → archive → normalize → reconcile → record.
/// A payload byte for byte the board's last applied one is recorded in one statement and goes no further. Any other is
/// archived before any database change; any failure on the way changes no posting and is recorded as a failed poll.
/// </summary>
public sealed class BoardPoller(
    ProviderCatalog providers,
    PayloadArchive archive,
    Lazy<PostingNormalizer> normalizer,
    UnchangedPayloads unchanged,
    UnchangedListings unchangedListings,
    ChangedPayloadBudget budget,
    PostingStore store,
    Boards boards,
    IOptions<PollingOptions> options,
    TimeProvider clock,
    ILogger<BoardPoller> logger)
{
    public async Task<PollRecord> PollAsync(BoardRef board, CancellationToken cancellationToken)
    {
        var pollId = Guid.CreateVersion7();
        var started = clock.GetUtcNow();
        using var activity = IngestorTelemetry.ActivitySource.StartActivity("poll board");
        activity?.SetTag("board", board.BoardToken);
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["Board"] = board.BoardToken, ["PollId"] = pollId });

        var attempt = new Attempt(pollId, started);
        PollRecord poll;
        try
        {
            poll = await RunAsync(board, attempt, cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            activity?.AddException(e);
            poll = await RecordFailureAsync(board, attempt, Describe(board, e), cancellationToken, boardsFault: e is not (Npgsql.NpgsqlException or ArchiveFailedException));
        }

        IngestorTelemetry.Polls.Add(1, new("outcome", poll.Outcome), new("payload", attempt.Payload));
        IngestorTelemetry.PollSeconds.Record((clock.GetUtcNow() - started).TotalSeconds, new KeyValuePair<string, object?>("outcome", poll.Outcome));
        foreach (var (type, count) in new[] { ("opened", poll.Opened), ("updated", poll.Updated), ("reopened", poll.Reopened), ("closed", poll.Closed) })
            IngestorTelemetry.PostingEvents.Add(count, new KeyValuePair<string, object?>("event_type", type));
        Log(board, poll);
        return poll;
    }

    /// <summary>What is known of a poll so far, so that a failure at any step is recorded with all that came before it.</summary>
    private sealed class Attempt(Guid pollId, DateTimeOffset started)
    {
        public Guid PollId { get; } = pollId;
        public DateTimeOffset Started { get; } = started;
        public BoardResponse? Response { get; set; }
        public string? Sha256 { get; set; }
        public string? RawUri { get; set; }

        /// <summary>
        /// For the polls metric: <c>unchanged</c> (the same bytes, recorded in one statement), <c>reserialized</c> (new bytes, archived,
        /// listing every posting as the board holds it: recorded in one statement), <c>changed</c>, or <c>none</c> (nothing usable came).
        /// </summary>
        public string Payload { get; set; } = "none";

        public PayloadReceipt Receipt(BoardResponse response) => new(
            PollId, Started, response.ReceivedAt, (int)response.Status, Sha256, Sha256 is null ? null : response.Body.Length,
            response.ETag, response.LastModified, response.ContentEncoding);
    }

    private async Task<PollRecord> RunAsync(BoardRef board, Attempt attempt, CancellationToken cancellationToken)
    {
        var provider = providers.For(board.Provider);
        var response = await FetchAsync(provider, board, board.Validators, attempt, cancellationToken);
        // Bytes other than the applied ones cannot be recorded as unchanged: no statement asks.
        if (response.IsNotModified || (response.IsSuccess && attempt.Sha256 == board.PayloadSha256))
        {
            if (await unchanged.TryRecordAsync(board, attempt.Receipt(response), cancellationToken) is { } recorded)
            {
                attempt.Payload = "unchanged";
                return recorded;
            }
            // A 304 the board's state cannot stand for (a new day to archive, closes to confirm): fetch the bytes.
            if (response.IsNotModified)
                response = await FetchAsync(provider, board, null, attempt, cancellationToken);
        }
        if (!response.IsSuccess)
            return await RecordFailureAsync(board, attempt, DescribeStatus(provider, board, response), cancellationToken);
        if (provider is IFetchesDetails detailed)
            response = await WithDetailsAsync(detailed, provider, board, response, attempt, cancellationToken);

        attempt.Payload = "changed";
        using var share = await budget.EnterAsync(response.Body.Length, cancellationToken);
        // Archived while it is read and normalized: what the poll writes waits for the archive, and nothing commits without it.
        var archiving = Task.Run(() => ArchiveAsync(board, response, attempt, cancellationToken), cancellationToken);
        try
        {
            using var snapshot = provider.ReadSnapshot(response.Body);
            var identities = Identify(board, snapshot);
            var listing = ListingOf(snapshot, identities);
            // Bytes archived already today stand for an earlier poll; this one takes the whole path, which leaves a record of it.
            if (listing is not null && listing == board.ListingSha256 && (await archiving).StoredBytes > 0
                && await unchangedListings.TryRecordAsync(
                    board, attempt.Receipt(response), (await archiving).Uri, listing, snapshot.Jobs.Count, snapshot.DeclaredTotal, cancellationToken) is { } relisted)
            {
                attempt.Payload = "reserialized";
                return relisted;
            }

            return await ApplyAsync(board, attempt.Receipt(response), UriAsync(), snapshot, identities, listing, async (transaction, postings, isComplete) =>
            {
                var checks = isComplete && provider is IChecksJobs checker && options.Value.CloseChecksPerPoll > 0
                    ? await CheckAsync(checker, board, transaction.ClosesToCheck(postings, options.Value.CloseChecksPerPoll), cancellationToken)
                    : new Dictionary<string, JobCheck>();
                // The payload's object stands only for the day's first poll of these bytes, and closes depend on the answers:
                // a poll either way leaves a record of itself for a replay, written while the poll's statements run.
                var recorded = (await archiving).StoredBytes == 0 || checks.Count > 0
                    ? Task.Run(() => archive.RecordPollAsync(board, new ArchivedPoll(response.ReceivedAt, attempt.Sha256!, checks), cancellationToken), cancellationToken)
                    : Task.CompletedTask;
                return new CheckedCloses(checks, recorded);
            }, cancellationToken);
        }
        catch
        {
            // A payload that could not be archived is the failure to report, whatever else failed while it was: nothing of it
            // was recorded. One that was is named by the failed poll.
            await archiving;
            throw;
        }

        async Task<string> UriAsync() => (await archiving).Uri;
    }

    private async Task<PayloadArchive.Archived> ArchiveAsync(BoardRef board, BoardResponse response, Attempt attempt, CancellationToken cancellationToken)
    {
        var archived = await archive.ArchiveAsync(board, response.Body, attempt.Sha256!, response.ReceivedAt, cancellationToken);
        attempt.RawUri = archived.Uri;
        IngestorTelemetry.ArchivedBytes.Add(archived.StoredBytes);
        return archived;
    }

    /// <summary>
    /// What job endpoints answered about the postings a snapshot lacks, given the board's transaction and what the snapshot lists
    /// (<see cref="CheckedCloses"/>).
    /// </summary>
    public delegate Task<CheckedCloses> CloseChecks(BoardTransaction transaction, IReadOnlyList<SnapshotPosting> postings, bool snapshotIsComplete);

    /// <param name="Recorded">
    /// The archiving of what a replay needs to make the same decisions (a live poll's record of these answers): the poll
    /// commits only once it completes, and fails if it does.
    /// </param>
    public sealed record CheckedCloses(IReadOnlyDictionary<string, JobCheck> Checks, Task Recorded);

    /// <summary>
    /// Reads, normalizes and reconciles a payload archived at <paramref name="rawUri"/>: the rest of a live poll, and each step of
    /// a replay. <paramref name="closeChecks"/> gives what job endpoints answered: a live poll asks them, a replay reads them back.
    /// </summary>
    public async Task<PollRecord> ApplyAsync(
        BoardRef board, PayloadReceipt receipt, string rawUri, byte[] body, CloseChecks closeChecks, CancellationToken cancellationToken)
    {
        using var snapshot = providers.For(board.Provider).ReadSnapshot(body);
        var identities = Identify(board, snapshot);
        return await ApplyAsync(board, receipt, Task.FromResult(rawUri), snapshot, identities, ListingOf(snapshot, identities), closeChecks, cancellationToken);
    }

    /// <param name="rawUri">The payload's object, once archived: nothing is written before.</param>
    private async Task<PollRecord> ApplyAsync(
        BoardRef board, PayloadReceipt receipt, Task<string> rawUri, BoardSnapshot snapshot, Identity[] identities, string? listing,
        CloseChecks closeChecks, CancellationToken cancellationToken)
    {
        var provider = providers.For(board.Provider);
        await using var transaction = await store.BeginAsync(board, cancellationToken);
        var (postings, problems) = Normalize(provider, board, snapshot, identities, transaction, receipt.ObservedAt);
        var isComplete = snapshot.IsComplete && problems.Count == 0;
        var (checks, recorded) = await closeChecks(transaction, postings, isComplete);
        var observed = new ObservedSnapshot(
            receipt, await rawUri, postings, isComplete, snapshot.DeclaredTotal, [.. snapshot.RejectedJobs, .. problems], checks, listing);
        try
        {
            return await transaction.ApplyAsync(observed, recorded, cancellationToken);
        }
        finally
        {
            // A poll whose statements failed first leaves no write of its record running behind it.
            await recorded.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>
    /// Asks the job endpoint of each posting the list lacks, all at once (the host's politeness limits still apply), each for at
    /// most <see cref="PollingOptions.CloseCheckTimeout"/>: the poll's transaction is open meanwhile, so it waits on nothing slower.
    /// </summary>
    private async Task<IReadOnlyDictionary<string, JobCheck>> CheckAsync(
        IChecksJobs checker, BoardRef board, IReadOnlyList<(string JobId, string Key)> missing, CancellationToken cancellationToken)
    {
        var checks = await Task.WhenAll(missing.Select(async posting =>
            (posting.JobId, Check: await checker.CheckJobAsync(board.BoardToken, posting.Key, options.Value.CloseCheckTimeout, cancellationToken))));
        foreach (var (_, check) in checks)
            IngestorTelemetry.CloseChecks.Add(1, new KeyValuePair<string, object?>("presence", check.Presence.ToString().ToLowerInvariant()));
        return checks.ToDictionary(c => c.JobId, c => c.Check);
    }

    /// <summary>The listed payload with the details of the jobs the board does not hold as listed: those are read whole.</summary>
    private async Task<BoardResponse> WithDetailsAsync(
        IFetchesDetails detailed, IJobBoardProvider provider, BoardRef board, BoardResponse listed, Attempt attempt, CancellationToken cancellationToken)
    {
        List<string> keys;
        using (var snapshot = provider.ReadSnapshot(listed.Body))
        {
            var held = await store.ActiveSourceHashesAsync(board, cancellationToken);
            keys = [.. snapshot.Jobs
                .Where(job => PostingNormalizer.Identify(board.Provider, board.BoardToken, job) is var (jobId, sourceHash)
                              && !(held.TryGetValue(jobId, out var heldHash) && heldHash == sourceHash))
                .Select(job => job.Key)];
        }
        var response = await detailed.WithDetailsAsync(board.BoardToken, listed, keys, cancellationToken);
        attempt.Response = response;
        attempt.Sha256 = Convert.ToHexStringLower(SHA256.HashData(response.Body));
        return response;
    }

    private static async Task<BoardResponse> FetchAsync(
        IJobBoardProvider provider, BoardRef board, BoardValidators? validators, Attempt attempt, CancellationToken cancellationToken)
    {
        var response = await provider.FetchAsync(board.BoardToken, validators, cancellationToken);
        attempt.Response = response;
        attempt.Sha256 = null;
        if (response.IsSuccess)
        {
            attempt.Sha256 = Convert.ToHexStringLower(SHA256.HashData(response.Body));
            IngestorTelemetry.PayloadBytes.Add(response.Body.Length);
        }
        return response;
    }

    /// <summary>A listed job's id and source hash, or why it has none.</summary>
    private readonly record struct Identity((string JobId, string SourceHash)? Identified, Exception? Error);

    private static Identity[] Identify(BoardRef board, BoardSnapshot snapshot) =>
        [.. snapshot.Jobs.Select(job =>
        {
            try
            {
                return new Identity(PostingNormalizer.Identify(board.Provider, board.BoardToken, job), null);
            }
            catch (Exception e)
            {
                return new Identity(null, e);
            }
        })];

    /// <summary>The fingerprint of what a complete snapshot lists, every job identified; null for any other snapshot.</summary>
    private static string? ListingOf(BoardSnapshot snapshot, Identity[] identities) =>
        snapshot.IsComplete && identities.Length > 0 && identities.All(identity => identity.Identified is not null)
            ? ListingFingerprint.Of(identities.Select(identity => identity.Identified!.Value))
            : null;

    /// <summary>
    /// Normalizes what is new or changed; a posting the board holds exactly as sent is only identified, which makes a poll
    /// of an unchanged board cost little more than parsing it. A job the normalizer cannot handle is kept out (its raw form
    /// is archived) and the snapshot counts as incomplete.
    /// </summary>
    /// <remarks>
    /// A poll with many postings to normalize spreads them over the cores: a large board's payload can take the whole
    /// <see cref="ChangedPayloadBudget"/>, and while it is normalized no other changed payload is worked on.
    /// </remarks>
    private (List<SnapshotPosting> Postings, List<string> Problems) Normalize(
        IJobBoardProvider provider, BoardRef board, BoardSnapshot snapshot, Identity[] identities, BoardTransaction transaction,
        DateTimeOffset observedAt)
    {
        // Each job's posting or the problem that keeps it out, in the snapshot's order.
        var outcomes = new (SnapshotPosting? Posting, string? Problem)[snapshot.Jobs.Count];
        var toNormalize = new List<int>();
        var superseded = transaction.IsSupersededAt(observedAt);
        for (var index = 0; index < snapshot.Jobs.Count; index++)
        {
            var job = snapshot.Jobs[index];
            if (identities[index].Error is { } error)
            {
                outcomes[index] = (null, NotNormalized(job, error));
                continue;
            }
            var (jobId, sourceHash) = identities[index].Identified!.Value;
            if (superseded || transaction.HoldsUnchanged(jobId, sourceHash))
                outcomes[index] = (new SnapshotPosting(jobId, sourceHash, null), null);
            // A job whose content comes with its detail is not read without it: it waits for a poll that gets the detail.
            else if (provider is IFetchesDetails && job.Detail is null)
                outcomes[index] = (null, $"job {job.Key} is new or changed, and its detail could not be fetched: it is read on a later poll");
            else
                toNormalize.Add(index);
        }

        if (toNormalize.Count > 0)
        {
            // Every job is read once, and only when a job is normalized: all of them say where the board is (one that cannot be
            // read says nothing), and each new or changed one is normalized from the same reading (read again only to report why
            // it cannot be read).
            var read = snapshot.Jobs.Select(job => Readable(provider, job)).ToArray();
            var boardPlaces = new Lazy<BoardPlaces>(() => normalizer.Value.BoardPlacesOf(read.OfType<SourceJob>()));
            void NormalizeAt(int index)
            {
                var job = snapshot.Jobs[index];
                var identity = identities[index].Identified!.Value;
                try
                {
                    var normalized = normalizer.Value.Normalize(board.Provider, board.BoardToken, read[index] ?? provider.ReadJob(job), boardPlaces.Value, identity);
                    outcomes[index] = (new SnapshotPosting(identity.JobId, identity.SourceHash, normalized), null);
                }
                catch (Exception e)
                {
                    outcomes[index] = (null, NotNormalized(job, e));
                }
            }
            if (toNormalize.Count >= NormalizedOnEveryCoreFrom)
                Parallel.ForEach(toNormalize, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, NormalizeAt);
            else
                toNormalize.ForEach(NormalizeAt);
        }

        return ([.. outcomes.Select(o => o.Posting).OfType<SnapshotPosting>()], [.. outcomes.Select(o => o.Problem).OfType<string>()]);
    }

    // About 0.4 ms each on one core: from here a poll's normalizing is long enough to share.
    private const int NormalizedOnEveryCoreFrom = 64;

    private string NotNormalized(ListedJob job, Exception e)
    {
        logger.LogError(e, "Normalizing job {JobKey} failed", job.Key);
        return $"job {job.Key} could not be normalized: {e.Message}";
    }

    private static SourceJob? Readable(IJobBoardProvider provider, ListedJob job)
    {
        try
        {
            return provider.ReadJob(job);
        }
        catch (Exception)
        {
            return null;
        }
    }

    /// <param name="boardsFault">
    /// False when our side failed (the archive, the database): the board is not backed off for it, so an outage of ours does
    /// not leave the whole fleet polled hours late once it ends.
    /// </param>
    private async Task<PollRecord> RecordFailureAsync(
        BoardRef board, Attempt attempt, string error, CancellationToken cancellationToken, bool boardsFault = true)
    {
        var response = attempt.Response;
        var poll = new PollRecord(
            attempt.PollId, board.SourceId, attempt.Started, clock.GetUtcNow(), response is null ? null : (int)response.Status, attempt.Sha256,
            attempt.Sha256 is null ? null : response?.Body.Length, attempt.RawUri, PollOutcome.Failed, error,
            ObservedAt: response?.ReceivedAt, ETag: response?.ETag, LastModified: response?.LastModified, ContentEncoding: response?.ContentEncoding);
        try
        {
            // A failure that confirms the board gone closes its postings: the recorded poll counts them.
            return await boards.RecordFailureAsync(poll, boardsFault, cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogError(e, "Recording the failed poll of {Board} failed too", board.BoardToken);
        }
        return poll;
    }

    private static string DescribeStatus(IJobBoardProvider provider, BoardRef board, BoardResponse response) => (int)response.Status switch
    {
        404 => $"board '{board.BoardToken}' does not exist on {provider.DisplayName} (HTTP 404)",
        429 => $"{provider.DisplayName} is rate limiting us (HTTP 429) and kept doing so through every retry",
        var status => $"{provider.DisplayName} answered HTTP {status} {response.Status} after retries",
    };

    private string Describe(BoardRef board, Exception exception) => Describe(providers.DisplayNameOf(board.Provider), exception);

    private static string Describe(string host, Exception exception) => exception switch
    {
        MalformedPayloadException e => $"the payload was rejected: {e.Message}",
        ArchiveFailedException e => e.Message,
        PayloadTooLargeException e => e.Message,
        TimeoutRejectedException => $"{host} did not answer in time, through every retry",
        BrokenCircuitException => $"requests to {host} are paused after repeated failures (circuit open); the next poll tries again",
        HttpRequestException { StatusCode: var status } e when (int?)status is >= 300 and < 400 => $"{host}: {e.Message}",
        HttpRequestException e => $"could not reach {host}: {e.Message}",
        Npgsql.NpgsqlException e => $"the database refused the poll's writes, so nothing changed: {e.Message}",
        IOException e => $"the payload arrived cut short: {e.Message}",
        InvalidDataException e => $"the payload's compression is corrupt: {e.Message}",
        OperationCanceledException => $"{host} stopped sending the payload partway (nothing within the attempt timeout)",
        ArgumentException e => e.Message,
        _ => $"{exception.GetType().Name}: {exception.Message}",
    };

    private void Log(BoardRef board, PollRecord poll)
    {
        if (poll.Outcome == PollOutcome.Failed)
            logger.LogWarning("Poll of {Board} failed: {Error}", board.BoardToken, poll.Error);
        else
            logger.LogInformation(
                "Poll of {Board} {Outcome}: {Jobs} jobs, {Opened} opened, {Updated} updated, {Reopened} reopened, {Closed} closed, {Unchanged} unchanged{Note}",
                board.BoardToken, poll.Outcome, poll.JobCount, poll.Opened, poll.Updated, poll.Reopened, poll.Closed, poll.Unchanged,
                poll.Error is null ? "" : $" ({poll.Error})");
    }
}
