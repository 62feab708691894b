using System.Net;

namespace Ingestor.Providers;

/// <summary>
/// What a board request came back with. <see cref="Body"/> is the payload exactly as received, decoded from its
/// <see cref="ContentEncoding"/>; <see cref="ETag"/> and <see cref="LastModified"/> are the validators to send back next time.
/// </summary>
public sealed record BoardResponse(
    HttpStatusCode Status, byte[] Body, DateTimeOffset ReceivedAt, string? ETag = null, string? LastModified = null, string? ContentEncoding = null)
{
    public bool IsSuccess => (int)Status is >= 200 and < 300;

    /// <summary>A 304 to a conditional request: the board's payload is the one it answered with last time.</summary>
    public bool IsNotModified => Status == HttpStatusCode.NotModified;
}

/// <summary>What the board's last applied response said about itself, for a conditional request.</summary>
public sealed record BoardValidators(string? ETag, string? LastModified)
{
    public bool IsEmpty => ETag is null && LastModified is null;
}

public sealed class PayloadTooLargeException(long limit, string setting)
    : Exception($"the payload is larger than the configured cap of {limit:N0} bytes ({setting})");
