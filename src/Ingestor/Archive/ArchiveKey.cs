using System.Globalization;

namespace Ingestor.Archive;

/// <summary>
/// Where a payload is kept: partitioned by provider, board and day, named by when it was first seen that day and the SHA-256
/// of its bytes as received, with the codec as suffix, e.g.
/// <c>raw/provider=greenhouse/board=fal/date=2026-06-06/2026-06-06T18-41-04-423Z-{sha256}.json.zst</c>. A token with other
/// characters than letters, digits, '-', '_' and '.' (Ashby's spaces, Lever's <c>eu:</c>) is percent-encoded, as Hive-style
/// partitions write them: <c>board=Hippocratic%20AI</c>.
/// </summary>
public static class ArchiveKey
{
    public static string For(string provider, string boardToken, DateTimeOffset fetchedAt, string sha256Hex)
    {
        var utc = fetchedAt.UtcDateTime;
        var day = utc.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var instant = utc.ToString("yyyy-MM-dd'T'HH-mm-ss-fff'Z'", CultureInfo.InvariantCulture);
        return $"raw/provider={provider}/board={Uri.EscapeDataString(boardToken)}/date={day}/{instant}-{sha256Hex}{PayloadCompression.Extension}";
    }
}
