using Ingestor.Archive;

namespace Ingestor.Replay;

/// <summary>
/// The order of a board's live polls, read from its archived keys alone: by the instant each key names, a poll record with
/// the payload first seen by the same poll. A poll record of bytes first seen earlier that day applies that day's object of them.
/// </summary>
public static class ReplayPlan
{
    /// <param name="since">The first day replayed; null for all.</param>
    /// <exception cref="UnreadableArchiveObjectException">A key the archive does not write, or a poll record whose payload is not in its partition.</exception>
    public static IReadOnlyList<ReplayStep> From(IEnumerable<string> keys, DateOnly? since)
    {
        var objects = keys
            .Select(key => (Key: key, Parts: ArchiveKey.Parse(key) ?? throw new UnreadableArchiveObjectException(key, "is not named as a payload or a poll record")))
            .Where(o => since is null || o.Parts.Day >= since)
            .OrderBy(o => o.Parts.Instant).ThenBy(o => o.Key, StringComparer.Ordinal)
            .ToList();
        var payloads = new Dictionary<(DateOnly, string), string>();
        foreach (var (key, parts) in objects.Where(o => !o.Parts.IsPollRecord))
            payloads.TryAdd((parts.Day, parts.Sha256), key);

        var steps = new List<ReplayStep>();
        foreach (var poll in objects.GroupBy(o => (o.Parts.Instant, o.Parts.Sha256)))
        {
            var (instant, sha256) = poll.Key;
            var day = poll.First().Parts.Day;
            var recordKey = poll.FirstOrDefault(o => o.Parts.IsPollRecord).Key;
            var payloadKey = poll.FirstOrDefault(o => !o.Parts.IsPollRecord).Key
                             ?? payloads.GetValueOrDefault((day, sha256))
                             ?? throw new UnreadableArchiveObjectException(recordKey!, $"names a payload (SHA-256 {sha256}) that its day's partition does not hold");
            steps.Add(new ReplayStep(day, instant, sha256, payloadKey, recordKey));
        }
        return steps;
    }
}
