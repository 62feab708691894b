namespace Ingestor.Reconciliation;

/// <summary>Limits on closing postings from one snapshot; a sudden mass disappearance is more often a broken feed than a hiring freeze.</summary>
public sealed record ClosePolicy(double MaxCloseFraction, int MinActiveForGuard);

/// <summary>
/// Decides a board poll from what it saw and what is stored. Pure: the same inputs always give the same plan.
/// An active posting missing from a complete snapshot closes on evidence: its own endpoint answered that it is gone, or it
/// was missing from the complete snapshot before too. A posting whose endpoint still answers proves the list short: it stays
/// open, and nothing closes on that list's absence alone.
/// </summary>
public static class Reconciler
{
    /// <param name="snapshotIsComplete">Only a complete snapshot is evidence of absence.</param>
    public static ReconcilePlan Plan(
        IReadOnlyList<SeenPosting> seen,
        IReadOnlyCollection<StoredPosting> stored,
        bool snapshotIsComplete,
        CloseEvidence evidence,
        ClosePolicy policy)
    {
        var storedById = stored.ToDictionary(p => p.JobId);
        var planned = seen.Select(posting => Decide(posting, storedById.GetValueOrDefault(posting.JobId))).ToList();
        var seenIds = seen.Select(p => p.JobId).ToHashSet();
        IReadOnlyList<string> unlisted = [.. stored.Where(p => p.InLatestSnapshot && !seenIds.Contains(p.JobId)).Select(p => p.JobId).Order(StringComparer.Ordinal)];
        IReadOnlyList<string> relisted = [.. planned.Where(p => !p.RewritesRow && !storedById[p.JobId].InLatestSnapshot).Select(p => p.JobId)];
        var active = stored.Where(p => p.IsActive).ToList();
        var missing = active.Where(p => !seenIds.Contains(p.JobId)).Select(p => p.JobId).Order(StringComparer.Ordinal).ToList();
        var stillPending = missing.Where(evidence.Pending.ContainsKey).ToDictionary(id => id, id => evidence.Pending[id]);

        if (!snapshotIsComplete)
            return new ReconcilePlan(planned, [], null, unlisted, relisted, stillPending);

        var presence = missing.ToDictionary(id => id, id => evidence.Checked.GetValueOrDefault(id, JobPresence.Unknown));
        List<PlannedClose> confirmed = [.. missing.Where(id => presence[id] == JobPresence.Gone)
            .Select(id => new PlannedClose(id, CloseReason.ConfirmedGone, stillPending.TryGetValue(id, out var first) ? first : null))];
        var unconfirmed = missing.Where(id => presence[id] == JobPresence.Unknown).ToList();

        var stillListed = missing.Where(id => presence[id] == JobPresence.Present).ToList();
        if (stillListed.Count > 0)
        {
            var reason = $"the list left out {stillListed.Count} active posting(s) whose own page still answers ({string.Join(", ", stillListed.Take(5))}): "
                         + "they stay open, and no posting closes on this list's absence alone";
            return new ReconcilePlan(planned, confirmed, reason, unlisted, relisted, unconfirmed.Where(stillPending.ContainsKey).ToDictionary(id => id, id => stillPending[id]));
        }

        var missingTwice = unconfirmed.Where(stillPending.ContainsKey).Select(id => new PlannedClose(id, CloseReason.AbsentTwice, stillPending[id]));
        var missingFirst = unconfirmed.Where(id => !stillPending.ContainsKey(id)).ToDictionary(id => id, _ => evidence.PollId);
        var isMassClose = active.Count >= policy.MinActiveForGuard && missing.Count > active.Count * policy.MaxCloseFraction;
        var held = isMassClose && missingFirst.Count > 0
            ? $"{missing.Count} of {active.Count} active postings are missing; closes wait for the next complete poll to confirm"
            : null;
        return new ReconcilePlan(planned, [.. confirmed, .. missingTwice], held, unlisted, relisted, missingFirst);
    }

    /// <summary>
    /// The active postings a complete snapshot lacks that are worth asking their own endpoint about, at most
    /// <paramref name="budget"/>: first those that would close on this second absence (a check there can save a wrong close),
    /// then the rest, each in id order.
    /// </summary>
    public static IReadOnlyList<string> ToCheck(
        IReadOnlySet<string> seenIds, IReadOnlyCollection<StoredPosting> stored, IReadOnlyDictionary<string, Guid> pending, int budget) =>
        [.. stored.Where(p => p.IsActive && !seenIds.Contains(p.JobId))
            .OrderBy(p => pending.ContainsKey(p.JobId) ? 0 : 1).ThenBy(p => p.JobId, StringComparer.Ordinal)
            .Take(budget)
            .Select(p => p.JobId)];

    private static PlannedPosting Decide(SeenPosting seen, StoredPosting? stored)
    {
        if (stored is null)
            return new PlannedPosting(seen.JobId, PostingChange.Opened, []);

        // Field hashes are compared only when the content changed: most postings of a poll did not, and a stored posting's
        // hashes are read from their JSON only when asked for.
        var contentChanged = stored.ContentHash != seen.ContentHash;
        if (!stored.IsActive)
            return new PlannedPosting(seen.JobId, PostingChange.Reopened, contentChanged ? ChangedFields(stored.FieldHashes, seen.FieldHashes) : []);
        if (contentChanged)
            return new PlannedPosting(seen.JobId, PostingChange.Updated, ChangedFields(stored.FieldHashes, seen.FieldHashes));
        if (stored.SourceHash != seen.SourceHash)
            return new PlannedPosting(seen.JobId, PostingChange.Refreshed, []);
        return new PlannedPosting(seen.JobId, PostingChange.Unchanged, []);
    }

    private static IReadOnlyList<string> ChangedFields(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after) =>
        [.. before.Keys.Union(after.Keys)
            .Where(field => before.GetValueOrDefault(field) != after.GetValueOrDefault(field))
            .Order(StringComparer.Ordinal)];
}
