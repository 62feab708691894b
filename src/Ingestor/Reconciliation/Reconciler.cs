namespace Ingestor.Reconciliation;

/// <summary>Limits on closing postings from one snapshot; a sudden mass disappearance is more often a broken feed than a hiring freeze.</summary>
public sealed record ClosePolicy(double MaxCloseFraction, int MinActiveForGuard);

/// <summary>
/// Decides a board poll from what it saw and what is stored. Pure: the same inputs always give the same plan.
/// </summary>
public static class Reconciler
{
    /// <param name="snapshotIsComplete">Only a complete snapshot is evidence of absence.</param>
    /// <param name="previousPollHeldCloses">A second complete snapshot in a row that lacks the same postings confirms the closes.</param>
    public static ReconcilePlan Plan(
        IReadOnlyList<SeenPosting> seen,
        IReadOnlyCollection<StoredPosting> stored,
        bool snapshotIsComplete,
        bool previousPollHeldCloses,
        ClosePolicy policy)
    {
        var storedById = stored.ToDictionary(p => p.JobId);
        var planned = seen.Select(posting => Decide(posting, storedById.GetValueOrDefault(posting.JobId))).ToList();
        var seenIds = seen.Select(p => p.JobId).ToHashSet();
        IReadOnlyList<string> unlisted = [.. stored.Where(p => p.InLatestSnapshot && !seenIds.Contains(p.JobId)).Select(p => p.JobId).Order(StringComparer.Ordinal)];
        IReadOnlyList<string> relisted = [.. planned.Where(p => !p.RewritesRow && !storedById[p.JobId].InLatestSnapshot).Select(p => p.JobId)];

        if (!snapshotIsComplete)
            return new ReconcilePlan(planned, [], null, unlisted, relisted);

        var active = stored.Where(p => p.IsActive).ToList();
        var closed = active.Where(p => !seenIds.Contains(p.JobId)).Select(p => p.JobId).OrderBy(id => id, StringComparer.Ordinal).ToList();

        var isMassClose = active.Count >= policy.MinActiveForGuard && closed.Count > active.Count * policy.MaxCloseFraction;
        if (isMassClose && !previousPollHeldCloses)
        {
            var reason = $"{closed.Count} of {active.Count} active postings are missing; closes wait for the next complete poll to confirm";
            return new ReconcilePlan(planned, [], reason, unlisted, relisted);
        }

        return new ReconcilePlan(planned, closed, null, unlisted, relisted);
    }

    private static PlannedPosting Decide(SeenPosting seen, StoredPosting? stored)
    {
        if (stored is null)
            return new PlannedPosting(seen.JobId, PostingChange.Opened, []);

        var changedFields = ChangedFields(stored.FieldHashes, seen.FieldHashes);
        var contentChanged = stored.ContentHash != seen.ContentHash;
        if (!stored.IsActive)
            return new PlannedPosting(seen.JobId, PostingChange.Reopened, contentChanged ? changedFields : []);
        if (contentChanged)
            return new PlannedPosting(seen.JobId, PostingChange.Updated, changedFields);
        if (stored.SourceHash != seen.SourceHash)
            return new PlannedPosting(seen.JobId, PostingChange.Refreshed, []);
        return new PlannedPosting(seen.JobId, PostingChange.Unchanged, []);
    }

    private static IReadOnlyList<string> ChangedFields(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after) =>
        [.. before.Keys.Union(after.Keys)
            .Where(field => before.GetValueOrDefault(field) != after.GetValueOrDefault(field))
            .Order(StringComparer.Ordinal)];
}
