using System.Security.Cryptography;
using System.Text;

namespace Ingestor.Normalization.Fingerprints;

/// <summary>
/// One hash for what a snapshot lists: each posting's job id with its source hash, in id order. Two payloads with the same
/// fingerprint list the same postings, each exactly as sent before, however their bytes are ordered, spaced or escaped.
/// </summary>
public static class ListingFingerprint
{
    public static string Of(IEnumerable<(string JobId, string SourceHash)> postings)
    {
        var lines = postings
            .OrderBy(p => p.JobId, StringComparer.Ordinal).ThenBy(p => p.SourceHash, StringComparer.Ordinal)
            .Select(p => $"{p.JobId} {p.SourceHash}\n");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Concat(lines))));
    }
}
