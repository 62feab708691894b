namespace Ingestor.Reconciliation;

/// <summary>How long after a posting closed a new one with the same fingerprint still counts as its repost.</summary>
public sealed record RepostPolicy(TimeSpan Window);

/// <summary>A posting of the same company that left before a new one opened: a possible earlier listing of the same job.</summary>
/// <param name="LeftAt">When it closed, or, for one the poll finds missing, the poll's time.</param>
/// <param name="LineageId">The first posting of its line: its own id when it was no repost.</param>
public sealed record LeftPosting(string JobId, string Fingerprint, DateTimeOffset LeftAt, string LineageId, DateTimeOffset LineageFirstSeenAt);

/// <summary>A new posting's link to the posting it reposts, and the line they share.</summary>
public sealed record RepostLink(string RepostedFrom, string LineageId, DateTimeOffset LineageFirstSeenAt);

/// <summary>
/// Links a new posting to the one it reposts: a posting of the same company with the same <c>RepostFingerprint</c> that left
/// within the window. A wrong link costs more than a missed one, so where a fingerprint does not name one pair (two new
/// postings share it) nothing is linked; of several that left, the latest is the one the new posting replaces.
/// </summary>
public static class Reposts
{
    public static IReadOnlyDictionary<string, RepostLink> Link(
        IReadOnlyList<(string JobId, string? Fingerprint)> opened, IReadOnlyList<LeftPosting> left, DateTimeOffset openedAt, TimeSpan window)
    {
        var latestLeft = left
            .Where(p => p.LeftAt <= openedAt && p.LeftAt >= openedAt - window)
            .GroupBy(p => p.Fingerprint)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(p => p.LeftAt).ThenBy(p => p.JobId, StringComparer.Ordinal).First());
        return opened
            .Where(p => p.Fingerprint is not null)
            .GroupBy(p => p.Fingerprint!)
            .Where(g => g.Count() == 1 && latestLeft.ContainsKey(g.Key))
            .Select(g => (g.Single().JobId, Earlier: latestLeft[g.Key]))
            .ToDictionary(p => p.JobId, p => new RepostLink(p.Earlier.JobId, p.Earlier.LineageId, p.Earlier.LineageFirstSeenAt));
    }
}
