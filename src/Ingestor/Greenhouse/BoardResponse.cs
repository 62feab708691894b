using System.Net;

namespace Ingestor.Greenhouse;

/// <summary>What a board request came back with. <see cref="Body"/> is the payload exactly as received (decompressed).</summary>
public sealed record BoardResponse(HttpStatusCode Status, byte[] Body, DateTimeOffset ReceivedAt)
{
    public bool IsSuccess => (int)Status is >= 200 and < 300;
}

public sealed class PayloadTooLargeException(long limit)
    : Exception($"the payload is larger than the configured cap of {limit:N0} bytes (Greenhouse:MaxPayloadBytes)");
