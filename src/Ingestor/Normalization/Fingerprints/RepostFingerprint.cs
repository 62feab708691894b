using System.Security.Cryptography;
using System.Text;

namespace Ingestor.Normalization.Fingerprints;

/// <summary>
/// What stays the same when an employer closes a posting and opens the same job under a new id: its title as normalized, its
/// place as written (a list of places narrowed to one of them is another posting), whether it is remote, its department and
/// team, and its description's text. Ids, requisition numbers, URLs and dates are left out, since a
/// repost changes exactly those. Null without a description: title and place alone name too many different jobs.
/// </summary>
/// <remarks>The description enters by the hash of its text the content fingerprint already made, so it is not hashed again.</remarks>
public static class RepostFingerprint
{
    public static string? Of(NormalizedPosting posting)
    {
        if (string.IsNullOrWhiteSpace(posting.DescriptionText))
            return null;
        var parts = new[]
        {
            (posting.NormalizedTitle ?? posting.Title).ToLowerInvariant(), Words(posting.LocationText), posting.IsRemote ? "remote" : "",
            posting.Department, posting.Team, posting.FieldHashes.GetValueOrDefault("description"),
        };
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001f', parts)));
        return Convert.ToHexStringLower(hash)[..32];
    }

    private static string Words(string? text) =>
        string.Join(' ', (text ?? "").ToLowerInvariant().Split(default(char[]), StringSplitOptions.RemoveEmptyEntries));
}
