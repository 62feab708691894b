using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Ingestor.Polling;

/// <summary>
/// How many megabytes of changed payloads the replica works on at once (<c>Polling:MaxChangedMegabytesInFlight</c>). A poll
/// holds its payload's share from archiving until its transaction ends; polls wait their turn in order of arrival.
/// </summary>
public sealed class ChangedPayloadBudget(IOptions<PollingOptions> options) : IDisposable
{
    private const int BytesPerPermit = 1024 * 1024;

    private readonly ConcurrencyLimiter _limiter = new(new ConcurrencyLimiterOptions
    {
        PermitLimit = options.Value.MaxChangedMegabytesInFlight,
        QueueLimit = int.MaxValue,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
    });

    private readonly int _permits = options.Value.MaxChangedMegabytesInFlight;

    public async Task<RateLimitLease> EnterAsync(long payloadBytes, CancellationToken cancellationToken)
    {
        var share = (int)Math.Clamp((payloadBytes + BytesPerPermit - 1) / BytesPerPermit, 1, _permits);
        return await _limiter.AcquireAsync(share, cancellationToken);
    }

    public void Dispose() => _limiter.Dispose();
}
