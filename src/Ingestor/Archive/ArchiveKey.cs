using System.Globalization;

namespace Ingestor.Archive;

/// <summary>
/// Where a payload is kept: partitioned by provider, board and day, named by when it was first seen that day and the SHA-256
/// of its bytes as received, with the codec as suffix, e.g.
/// <c>raw/provider=greenhouse/board=fal/date=2026-06-06/2026-06-06T18-41-04-423Z-{sha256}.json.zst</c>. A token with other
/// characters than letters, digits, '-', '_' and '.' (Ashby's spaces, Lever's <c>eu:</c>) is percent-encoded, as Hive-style
/// partitions write them: <c>board=Hippocratic%20AI</c>. A poll record (<see cref="ArchivedPoll"/>) is named the same way
/// with its own suffix, so it sorts right after a payload first seen by the same poll.
/// </summary>
public static class ArchiveKey
{
    private const string InstantFormat = "yyyy-MM-dd'T'HH-mm-ss-fff'Z'";

    /// <summary>What a key says: when its object was written from, the payload's SHA-256, and whether it is a poll record.</summary>
    public sealed record Parts(DateOnly Day, DateTimeOffset Instant, string Sha256, bool IsPollRecord);

    public static string For(string provider, string boardToken, DateTimeOffset fetchedAt, string sha256Hex) =>
        Named(provider, boardToken, fetchedAt, sha256Hex, PayloadCompression.Extension);

    public static string ForPoll(string provider, string boardToken, DateTimeOffset observedAt, string sha256Hex) =>
        Named(provider, boardToken, observedAt, sha256Hex, ArchivedPoll.Extension);

    /// <summary>The prefix of every object of one board, all days.</summary>
    public static string BoardPrefix(string provider, string boardToken) => $"raw/provider={provider}/board={Uri.EscapeDataString(boardToken)}/";

    /// <summary>Reads a key this class wrote; null for any other name.</summary>
    public static Parts? Parse(string key)
    {
        var name = key[(key.LastIndexOf('/') + 1)..];
        var isPollRecord = name.EndsWith(ArchivedPoll.Extension, StringComparison.Ordinal);
        if (!isPollRecord && !name.EndsWith(PayloadCompression.Extension, StringComparison.Ordinal))
            return null;
        var stem = name[..^(isPollRecord ? ArchivedPoll.Extension : PayloadCompression.Extension).Length];
        if (stem.Length != InstantFormat.Length - 4 + 1 + 64
            || !DateTimeOffset.TryParseExact(stem[..(InstantFormat.Length - 4)], InstantFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
            return null;
        return new Parts(DateOnly.FromDateTime(instant.UtcDateTime), instant, stem[^64..], isPollRecord);
    }

    private static string Named(string provider, string boardToken, DateTimeOffset at, string sha256Hex, string extension)
    {
        var utc = at.UtcDateTime;
        var day = utc.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var instant = utc.ToString(InstantFormat, CultureInfo.InvariantCulture);
        return $"{BoardPrefix(provider, boardToken)}date={day}/{instant}-{sha256Hex}{extension}";
    }
}
