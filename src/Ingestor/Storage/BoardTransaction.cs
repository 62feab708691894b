using System.Text.Json;
using System.Text.Json.Serialization;
using Dapper;
using Ingestor.Normalization;
using Ingestor.Normalization.Fingerprints;
using Ingestor.Providers;
using Ingestor.Reconciliation;
using Npgsql;

namespace Ingestor.Storage;

/// <summary>
/// One board poll's transaction, holding the board's row lock: what the board holds, then the decision
/// (<see cref="Reconciler"/>) and its writes: a binary COPY of the new rows into <c>posting_rows</c>, then one batch of
/// set-based statements for the rest (the changed rows among them, <see cref="ChangedPostingRows"/>), whatever the number of
/// postings. A posting sent again unchanged is not written at all. Disposed uncommitted, it rolls back and changes nothing.
/// </summary>
public sealed class BoardTransaction : IAsyncDisposable
{
    /// <param name="PendingCloses">JSON: job id → the poll that first missed the posting (<see cref="CloseEvidence.Pending"/>).</param>
    internal sealed record BoardState(Guid? OrgId, DateTime? LastSnapshotAt, string PendingCloses);

    /// <summary>What the board holds of each posting: its fingerprints, its description's hash and the provider's key of it.</summary>
    internal sealed record Held(
        IReadOnlyDictionary<string, StoredPosting> Postings, IReadOnlyDictionary<string, string?> DescriptionHashes, IReadOnlyDictionary<string, string> Keys);

    private static readonly JsonSerializerOptions EventJson = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;
    private readonly BoardRef _board;
    private readonly BoardState _state;
    private readonly Held _held;
    private readonly IReadOnlyDictionary<string, Guid> _pendingCloses;
    private readonly ClosePolicy _closePolicy;
    private readonly RepostPolicy _repostPolicy;
    private readonly TimeProvider _clock;

    internal BoardTransaction(
        NpgsqlConnection connection, NpgsqlTransaction transaction, BoardRef board, BoardState state, Held held, ClosePolicy closePolicy,
        RepostPolicy repostPolicy, TimeProvider clock)
    {
        _connection = connection;
        _transaction = transaction;
        _board = board;
        _state = state;
        _held = held;
        _pendingCloses = JsonSerializer.Deserialize<Dictionary<string, Guid>>(state.PendingCloses) ?? [];
        _closePolicy = closePolicy;
        _repostPolicy = repostPolicy;
        _clock = clock;
    }

    private IReadOnlyDictionary<string, StoredPosting> Stored => _held.Postings;

    /// <summary>Whether a newer snapshot of the board was applied already (a slower poll finishing after a faster one).</summary>
    public bool IsSupersededAt(DateTimeOffset observedAt) => _state.LastSnapshotAt >= observedAt.UtcDateTime;

    /// <summary>Whether the board holds this posting, active, exactly as sent now: nothing about it needs deriving again.</summary>
    public bool HoldsUnchanged(string jobId, string sourceHash) =>
        Stored.TryGetValue(jobId, out var stored) && stored.IsActive && stored.SourceHash == sourceHash;

    /// <summary>
    /// The active postings a complete snapshot lacks that the provider's job endpoint should be asked about before they close
    /// (job id and the provider's key), at most <paramref name="budget"/> (<see cref="Reconciler.ToCheck"/>).
    /// </summary>
    public IReadOnlyList<(string JobId, string Key)> ClosesToCheck(IEnumerable<SnapshotPosting> postings, int budget) =>
        [.. Reconciler.ToCheck(postings.Select(p => p.JobId).ToHashSet(), [.. Stored.Values], _pendingCloses, budget)
            .Select(jobId => (jobId, _held.Keys[jobId]))];

    /// <param name="durableFirst">
    /// What must be durable before the poll commits (its record in the archive): it runs on while the poll's statements do,
    /// and the transaction rolls back if it fails.
    /// </param>
    public async Task<PollRecord> ApplyAsync(ObservedSnapshot snapshot, Task durableFirst, CancellationToken cancellationToken)
    {
        if (IsSupersededAt(snapshot.ObservedAt))
        {
            var superseded = Record(snapshot, PollOutcome.Superseded, "a newer snapshot of this board was applied first", null);
            await PostingStore.InsertPollAsync(_connection, _transaction, superseded);
            await durableFirst;
            await _transaction.CommitAsync(cancellationToken);
            return superseded;
        }

        var evidence = new CloseEvidence(
            snapshot.Receipt.PollId, _pendingCloses, snapshot.Checks.ToDictionary(check => check.Key, check => check.Value.Presence));
        var plan = Reconciler.Plan([.. snapshot.Postings.Select(Seen)], [.. Stored.Values], snapshot.IsComplete, evidence, _closePolicy);
        var normalized = snapshot.Postings.Where(p => p.Normalized is not null).ToDictionary(p => p.JobId, p => p.Normalized!);
        var org = _state.OrgId is { } known ? new Org(known, IsNew: false) : await EnsureOrgAsync([.. normalized.Values]);

        var problems = snapshot.Problems.ToList();
        if (!snapshot.IsComplete)
            problems.Insert(0, $"incomplete snapshot ({snapshot.Postings.Count} of {snapshot.DeclaredTotal?.ToString() ?? "?"} jobs): nothing closed");
        if (plan.ClosesHeldBecause is { } held)
            problems.Insert(0, held);
        var outcome = problems.Count == 0 ? PollOutcome.Succeeded : PollOutcome.Partial;
        // Some providers answer any name with an empty list (SmartRecruiters, Ashby for a board that never existed): said, not held against the poll.
        if (snapshot.Postings.Count == 0 && Stored.Count == 0)
            problems.Add("the board listed no postings, and never has: check its name, since an unknown name can look like an empty board");
        var poll = Record(snapshot, outcome, problems.Count == 0 ? null : string.Join("; ", problems), plan);

        var opened = Written(PostingChange.Opened);
        var rewritten = Written(PostingChange.Updated, PostingChange.Reopened, PostingChange.Refreshed);
        // A company seen for the first time has no posting that could have left; a new board of a known one may repost its postings.
        var reposts = opened.Count > 0 && org is { IsNew: false } && _repostPolicy.Window > TimeSpan.Zero
            ? await RepostsAsync(org.Id, opened, plan, snapshot.ObservedAt)
            : new Dictionary<string, RepostLink>();
        if (opened.Count > 0)
        {
            var context = new PostingRowContext(org!.Id, _board.SourceId, snapshot.ObservedAt, snapshot.RawPayloadUri, _clock.GetUtcNow());
            await PostingRowsCopy.WriteAsync(_connection, opened, context, reposts, cancellationToken);
        }

        List<(NormalizedPosting Posting, string? RepostFingerprint)> Written(params PostingChange[] changes) =>
            [.. plan.Seen.Where(p => changes.Contains(p.Change)).Select(p => normalized[p.JobId]).Select(p => (p, RepostFingerprint.Of(p)))];

        // Each event carries what its posting's row holds once the poll's statements ran, which the poll knows already.
        var events = plan.Seen.Where(p => p.EventType is not null)
            .Select(p => new EventRow(
                p.JobId, p.EventType!, normalized[p.JobId].ContentHash, normalized[p.JobId].SourceHash, "active",
                p.ChangedFields.Count > 0 ? p.ChangedFields : null,
                RepostedFrom: p.Change == PostingChange.Opened ? reposts.GetValueOrDefault(p.JobId)?.RepostedFrom : null))
            .Concat(plan.Closed.Select(close => new EventRow(
                close.JobId, "closed", Stored[close.JobId].ContentHash, Stored[close.JobId].SourceHash, "inactive", null, close.ReasonName,
                new Evidence(close.FirstMissedBy is { } first ? [first, poll.PollId] : [poll.PollId], snapshot.Checks.GetValueOrDefault(close.JobId)))))
            .ToList();
        var parameters = new DynamicParameters(poll);
        parameters.AddDynamicParams(new
        {
            OpenedIds = opened.Select(p => p.Posting.JobId).ToArray(),
            RepostIds = reposts.Keys.ToArray(),
            RepostedIds = reposts.Values.Select(link => link.RepostedFrom).ToArray(),
            UnlistedIds = plan.Unlisted.ToArray(),
            RelistedIds = plan.Relisted.ToArray(),
            ClosedIds = plan.Closed.Select(close => close.JobId).ToArray(),
            Events = JsonSerializer.Serialize(events, EventJson),
            PendingCloses = JsonSerializer.Serialize(plan.PendingCloses),
            snapshot.ListingSha256,
            Boards.Replica,
        });
        if (rewritten.Count > 0)
            parameters.AddDynamicParams(ChangedPostingRows.Of(rewritten, _held.DescriptionHashes, _clock.GetUtcNow()));
        // Only the statements this poll needs: a board whose postings all stayed as they were writes its poll and itself.
        var sql = string.Join(";\n", new[]
        {
            (rewritten.Count > 0, ChangedPostingRows.UpdateSql),
            (reposts.Count > 0, MarkRepostedSql),
            (plan.Closed.Count > 0, CloseSql),
            (plan.Unlisted.Count > 0, UnlistSql),
            (plan.Relisted.Count > 0, RelistSql),
            (true, PostingStore.InsertPollSql),
            (events.Count > 0, InsertEventsSql),
            (true, UpdateBoardSql),
        }.Where(statement => statement.Item1).Select(statement => statement.Item2));
        await _connection.ExecuteAsync(sql, parameters, _transaction);
        await durableFirst;
        await _transaction.CommitAsync(cancellationToken);
        return poll;
    }

    // A posting sent exactly as stored is seen through its stored fingerprints; any other was normalized for this poll.
    private SeenPosting Seen(SnapshotPosting posting) => posting.Normalized is { } normalized
        ? new SeenPosting(normalized.JobId, normalized.ContentHash, normalized.SourceHash, normalized.FieldHashes)
        : HoldsUnchanged(posting.JobId, posting.SourceHash) && Stored[posting.JobId] is var stored
            ? new SeenPosting(stored.JobId, stored.ContentHash, stored.SourceHash, stored.FieldHashes)
            : throw new InvalidOperationException($"posting {posting.JobId} was not normalized, yet the board does not hold it unchanged");

    // The posting a repost replaces says so on its own row, which a poll locking it to link another repost re-reads (LeftSql).
    private const string MarkRepostedSql =
        """
        update posting_rows p set reposted_by = link.repost
        from unnest(@RepostedIds, @RepostIds) as link (reposted, repost)
        where p.job_id = link.reposted
        """;

    // Postings leaving the board's latest snapshot take their last sighting from the board before it moves on.
    private const string UnlistSql =
        """
        update posting_rows p set in_latest_snapshot = false,
            last_seen_at = b.last_snapshot_at, last_checked_at = b.last_snapshot_at, raw_payload_uri = b.snapshot_uri
        from boards b
        where b.source_id = p.source_id and p.job_id = any(@UnlistedIds) and p.in_latest_snapshot
        """;

    private const string RelistSql = "update posting_rows set in_latest_snapshot = true where job_id = any(@RelistedIds)";

    // A posting that closes as it leaves the snapshot is unlisted in the same row version, which UnlistSql, run after, then
    // passes over: a second update of the row would write it again, with its index entries and the lock PostgreSQL logs
    // before updating a row whose description is stored out of line.
    private const string CloseSql =
        """
        update posting_rows p set status = 'inactive', inactive_at = @ObservedAt, last_checked_at = @ObservedAt,
            in_latest_snapshot = p.in_latest_snapshot and not p.job_id = any(@UnlistedIds),
            last_seen_at = case when p.in_latest_snapshot and p.job_id = any(@UnlistedIds) then b.last_snapshot_at else p.last_seen_at end,
            raw_payload_uri = case when p.in_latest_snapshot and p.job_id = any(@UnlistedIds) then b.snapshot_uri else p.raw_payload_uri end
        from boards b
        where b.source_id = p.source_id and p.job_id = any(@ClosedIds) and p.status = 'active'
        """;

    /// <summary>An event as the poll's one insert reads it; a close carries its reason and evidence, an opening the posting it reposts.</summary>
    private sealed record EventRow(
        string JobId, string EventType, string ContentHash, string SourceHash, string StatusAfter, IReadOnlyList<string>? ChangedFields,
        string? ClosedReason = null, Evidence? Evidence = null, string? RepostedFrom = null);

    /// <summary>What backs a close: the polls whose complete snapshots lacked the posting, and its own endpoint's answer when asked.</summary>
    private sealed record Evidence(IReadOnlyList<Guid> Polls, JobCheck? Check);

    // Not joined to the postings for what the events carry: with the statement prepared, a plan made while the table was
    // small scanned all of it for each poll, which made a first sweep quadratic in its postings.
    private const string InsertEventsSql =
        """
        insert into job_events (job_id, poll_id, event_type, occurred_at, content_hash, source_hash, status_after, raw_payload_uri, changed_fields,
                                closed_reason, evidence, reposted_from)
        select e.job_id, @PollId, e.event_type, @ObservedAt, e.content_hash, e.source_hash, e.status_after, @RawPayloadUri, e.changed_fields,
               e.closed_reason, e.evidence, e.reposted_from
        from jsonb_to_recordset(@Events::jsonb) as e (job_id text, event_type text, content_hash text, source_hash text, status_after text,
                                                      changed_fields text[], closed_reason text, evidence jsonb, reposted_from text)
        """;

    private const string UpdateBoardSql =
        $"""
        update boards set
            last_poll_at = @FinishedAt, last_success_at = @ObservedAt, last_outcome = @Outcome, last_error = @Error,
            consecutive_failures = 0, last_snapshot_at = @ObservedAt, pending_closes = @PendingCloses::jsonb,
            state = case when @JobCount > 0 then 'ok' else 'empty' end,
            snapshot_poll_id = @PollId, snapshot_uri = @RawPayloadUri, etag = @ETag, last_modified = @LastModified,
            listing_sha256 = case when @Outcome = '{PollOutcome.Succeeded}' then @ListingSha256 end, {Boards.NextPollSql}
        where source_id = @SourceId
        """;

    /// <summary>
    /// The postings the new ones repost (<see cref="Reposts"/>): for each fingerprint, the company's posting with it that left
    /// last (closed within the window, or closed or found missing by this poll) and that no posting reposts yet
    /// (<c>reposted_by</c>, on its own row). Those that could be are found first, through indexes alone (CandidatesSql), and
    /// only then locked, one a fingerprint (LeftSql), which a poll where none could be skips. Only that one is locked, until
    /// the poll commits: one that another poll (of another of the company's boards) holds is passed over for the one that
    /// left before it, and one that such a poll linked and committed meanwhile is re-read as the lock is taken, and left: two
    /// polls never link the same posting (migration 015), and two at once link what they would one after the other.
    /// </summary>
    private async Task<IReadOnlyDictionary<string, RepostLink>> RepostsAsync(
        Guid orgId, IReadOnlyList<(NormalizedPosting Posting, string? RepostFingerprint)> opened, ReconcilePlan plan, DateTimeOffset observedAt)
    {
        // A fingerprint two new postings share links neither: nothing of it is locked.
        var fingerprints = opened.Select(p => p.RepostFingerprint).OfType<string>()
            .CountBy(fingerprint => fingerprint).Where(count => count.Value == 1).Select(count => count.Key).ToArray();
        if (fingerprints.Length == 0)
            return new Dictionary<string, RepostLink>();
        var leaving = plan.Closed.Select(close => close.JobId).Concat(plan.PendingCloses.Keys).ToArray();
        var parameters = new DynamicParameters(new
        {
            OrgId = orgId, Fingerprints = fingerprints, Leaving = leaving,
            ObservedAt = observedAt.UtcDateTime, Since = (observedAt - _repostPolicy.Window).UtcDateTime,
        });
        var candidates = (await _connection.QueryAsync<string>(
            leaving.Length > 0 ? $"{CandidatesSql} union {LeavingCandidatesSql}" : CandidatesSql, parameters, _transaction)).ToArray();
        if (candidates.Length == 0)
            return new Dictionary<string, RepostLink>();
        parameters.Add("Candidates", candidates);
        var left = await _connection.QueryAsync<LeftRow>(LeftSql, parameters, _transaction);
        return Reposts.Link(
            [.. opened.Select(p => (p.Posting.JobId, p.RepostFingerprint))],
            [.. left.Select(row => new LeftPosting(row.JobId, row.Fingerprint, row.LeftAt, row.LineageId, row.LineageFirstSeenAt))],
            observedAt, _repostPolicy.Window);
    }

    private sealed record LeftRow(string JobId, string Fingerprint, DateTime LeftAt, string LineageId, DateTime LineageFirstSeenAt);

    // Statements are prepared, and PostgreSQL keeps the plan it made for the first executions on a connection until the
    // table's statistics change. Made while a new database's table was small, the one statement this was scanned all of the
    // company's postings for each fingerprint, through the index that orders them (posting_rows_by_org_in_slice_order): in
    // the first sweep of the board farm, all one company, 29 s of the server's time (pg_stat_statements). Each condition
    // here has an index of its own, whatever the statistics: the postings that left (posting_rows_left_by_fingerprint)
    // and, when the poll has any, its own leaving ones (by id; the company is compared with "is not distinct from", which
    // no index serves, so that the company's index is never taken for them).
    // (offset 0 keeps the subquery apart, so that it is run for each fingerprint with both in the index's condition, rather
    // than joined: joined, every posting the company closed was read for each poll.)
    private const string CandidatesSql =
        """
        select c.job_id from unnest(@Fingerprints) as f (fingerprint)
        cross join lateral (
            select job_id from posting_rows
            where org_id = @OrgId and repost_fingerprint = f.fingerprint and status = 'inactive'
              and inactive_at between @Since and @ObservedAt and reposted_by is null
            offset 0
        ) as c
        """;

    private const string LeavingCandidatesSql =
        """
        select job_id from posting_rows
        where job_id = any(@Leaving) and org_id is not distinct from @OrgId and repost_fingerprint = any(@Fingerprints) and reposted_by is null
        """;

    // Of the candidates, one row a fingerprint, the one Reposts.Link would take (the latest to leave, then the lowest id):
    // locking every posting of the fingerprint made a poll of another of the company's boards, running at the same time,
    // pass over ones this poll would not link. The candidates' conditions stand here again because a row is checked anew
    // as it is locked: one another poll reopened or linked since the candidates were read is left.
    private const string LeftSql =
        """
        select l.job_id, l.fingerprint, l.left_at, l.lineage_id, l.lineage_first_seen_at
        from unnest(@Fingerprints) as f (fingerprint)
        cross join lateral (
            select p.job_id, p.repost_fingerprint as fingerprint,
                   case when p.status = 'inactive' then p.inactive_at else @ObservedAt end as left_at,
                   coalesce(p.lineage_id, p.job_id) as lineage_id, coalesce(p.lineage_first_seen_at, p.first_seen_at) as lineage_first_seen_at
            from posting_rows p
            where p.job_id = any(@Candidates) and p.repost_fingerprint = f.fingerprint
              and ((p.status = 'inactive' and p.inactive_at between @Since and @ObservedAt) or p.job_id = any(@Leaving))
              and p.reposted_by is null
            order by left_at desc, p.job_id collate "C"
            limit 1
            for update of p skip locked
        ) as l
        """;

    /// <summary>The company behind the board, and whether this poll created it.</summary>
    private sealed record Org(Guid Id, bool IsNew);

    /// <summary>
    /// The company behind the board, named by its first posting's company name; created with the board's first postings. A
    /// company already known is only read. An upsert that updated its row held the row locked until the poll committed, so
    /// the first polls of a company's boards queued on it (on the board farm, whose boards are one company, they waited 227 s
    /// in all during a 45 s first sweep, per pg_stat_statements).
    /// </summary>
    private async Task<Org?> EnsureOrgAsync(IReadOnlyList<NormalizedPosting> postings)
    {
        if (postings.Count == 0)
            return null;
        var name = postings.Select(p => p.CompanyName).FirstOrDefault(n => !string.IsNullOrWhiteSpace(n))?.Trim() ?? _board.BoardToken;
        // A company another poll created after the statement's snapshot was taken is neither inserted nor read by it: the
        // next statement reads it.
        return await EnsureAsync() ?? await EnsureAsync() ?? throw new InvalidOperationException($"the company '{name}' could be neither created nor read");

        Task<Org?> EnsureAsync() => _connection.QuerySingleOrDefaultAsync<Org?>(
            """
            with inserted as (
                insert into orgs (name) values (@Name) on conflict (name) do nothing returning org_id
            ), org as (
                select org_id, true as is_new from inserted
                union all
                select org_id, false from orgs where name = @Name
            ), board as (
                update boards set org_id = org.org_id from org where source_id = @SourceId returning org.org_id, org.is_new
            )
            select org_id as id, is_new from board
            """, new { Name = name, _board.SourceId }, _transaction);
    }

    private PollRecord Record(ObservedSnapshot snapshot, string outcome, string? error, ReconcilePlan? plan)
    {
        var receipt = snapshot.Receipt;
        return new(
            receipt.PollId, _board.SourceId, receipt.StartedAt, _clock.GetUtcNow(), receipt.HttpStatus, receipt.PayloadSha256,
            receipt.PayloadBytes, snapshot.RawPayloadUri, outcome, error, snapshot.Postings.Count, snapshot.DeclaredTotal,
            plan?.Count(PostingChange.Opened) ?? 0, plan?.Count(PostingChange.Updated) ?? 0, plan?.Count(PostingChange.Reopened) ?? 0,
            plan?.Closed.Count ?? 0, plan is null ? 0 : plan.Count(PostingChange.Unchanged) + plan.Count(PostingChange.Refreshed),
            receipt.ObservedAt, receipt.ETag, receipt.LastModified, receipt.ContentEncoding);
    }

    public async ValueTask DisposeAsync()
    {
        await _transaction.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
