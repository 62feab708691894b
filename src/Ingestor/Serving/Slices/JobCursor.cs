using System.Buffers.Binary;
using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ingestor.Serving.Slices;

/// <summary>
/// Where a walk stopped: the last posting served, by its place in the slices' order (first_seen_at, job_id), newest first.
/// Opaque to clients: base64url of a version byte, the filter's fingerprint, first_seen_at in microseconds (PostgreSQL's
/// resolution, so the seek lands exactly) and the job id's 20 bytes. Nothing in it is secret; a forged cursor only starts a
/// walk somewhere else.
/// </summary>
public sealed record JobCursor(DateTime FirstSeenAt, string JobId)
{
    private const byte Version = 1;
    private const int FingerprintLength = 8;
    private const int Length = 1 + FingerprintLength + sizeof(long) + 20;

    public string Encode(JobFilter filter)
    {
        var bytes = new byte[Length];
        bytes[0] = Version;
        filter.Fingerprint().CopyTo(bytes, 1);
        var microseconds = (FirstSeenAt.ToUniversalTime() - DateTime.UnixEpoch).Ticks / TimeSpan.TicksPerMicrosecond;
        BinaryPrimitives.WriteInt64BigEndian(bytes.AsSpan(1 + FingerprintLength), microseconds);
        Convert.FromHexString(JobId).CopyTo(bytes, 1 + FingerprintLength + sizeof(long));
        return Base64Url.EncodeToString(bytes);
    }

    /// <summary>The place a cursor names, or the problem with it: not one of ours, or issued for other filters.</summary>
    public static bool TryDecode(
        string text, JobFilter filter, [NotNullWhen(true)] out JobCursor? cursor, [NotNullWhen(false)] out ProblemHttpResult? problem)
    {
        cursor = null;
        problem = RecordIds.Malformed("cursor", "the next_cursor of a page this endpoint returned");
        if (!Base64Url.IsValid(text, out var length) || length != Length)
            return false;
        var bytes = Base64Url.DecodeFromChars(text);
        if (bytes[0] != Version)
            return false;
        if (!bytes.AsSpan(1, FingerprintLength).SequenceEqual(filter.Fingerprint()))
        {
            problem = QueryParameters.BadRequest("Cursor of other filters",
                "cursor was issued for other filters; repeat the filters of the request that returned it, or start again without a cursor.");
            return false;
        }
        var microseconds = BinaryPrimitives.ReadInt64BigEndian(bytes.AsSpan(1 + FingerprintLength));
        if (microseconds < 0 || microseconds > (DateTime.MaxValue - DateTime.UnixEpoch).Ticks / TimeSpan.TicksPerMicrosecond)
            return false;
        var firstSeenAt = DateTime.UnixEpoch.AddTicks(microseconds * TimeSpan.TicksPerMicrosecond);
        cursor = new JobCursor(firstSeenAt, Convert.ToHexStringLower(bytes.AsSpan(1 + FingerprintLength + sizeof(long))));
        problem = null;
        return true;
    }
}
