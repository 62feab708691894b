using System.Diagnostics;
using System.Threading.RateLimiting;

namespace Ingestor.Providers.Http;

/// <summary>
/// What one provider host gets from this replica: at most so many requests open at once, requests evenly spaced at the
/// configured rate, and none at all while the host has asked us to wait (<c>Retry-After</c>).
/// </summary>
internal sealed class HostThrottle : IDisposable
{
    private readonly ConcurrencyLimiter _open;
    private readonly TokenBucketRateLimiter _rate;
    private static readonly TimeSpan MinimumPeriod = TimeSpan.FromMilliseconds(10);

    private long _pausedUntil; // a Stopwatch timestamp

    public HostThrottle(int maxConcurrentRequests, double maxRequestsPerSecond)
    {
        _open = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = maxConcurrentRequests,
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
        // Up to 100 a second, a bucket of one token: requests are spaced by the period, never sent in a burst. Faster, the
        // period stays at 10 ms (a timer cannot tick faster than every millisecond), and a period's requests may go together.
        var period = TimeSpan.FromSeconds(Math.Max(1 / maxRequestsPerSecond, MinimumPeriod.TotalSeconds));
        var tokens = (int)Math.Round(maxRequestsPerSecond * period.TotalSeconds);
        _rate = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = tokens,
            TokensPerPeriod = tokens,
            ReplenishmentPeriod = period,
            AutoReplenishment = true,
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
    }

    /// <summary>
    /// Waits for a free slot, then for the end of any pause and the request's turn under the rate. The returned slot is held
    /// until disposed: for a request, until its response body has been read.
    /// </summary>
    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        var slot = Acquired(await _open.AcquireAsync(1, cancellationToken));
        try
        {
            while (true)
            {
                await WaitOutPauseAsync(cancellationToken);
                using var turn = Acquired(await _rate.AcquireAsync(1, cancellationToken));
                // A pause that began while this request waited for its turn holds it too.
                if (PauseLeft <= TimeSpan.Zero)
                    return slot;
            }
        }
        catch
        {
            slot.Dispose();
            throw;
        }
    }

    /// <summary>Holds every request to the host for <paramref name="delay"/> from now, unless a longer pause is already on.</summary>
    public void Pause(TimeSpan delay)
    {
        var until = Stopwatch.GetTimestamp() + (long)(delay.TotalSeconds * Stopwatch.Frequency);
        long current;
        while ((current = Interlocked.Read(ref _pausedUntil)) < until && Interlocked.CompareExchange(ref _pausedUntil, until, current) != current)
        {
        }
    }

    private TimeSpan PauseLeft => Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), Interlocked.Read(ref _pausedUntil));

    private async Task WaitOutPauseAsync(CancellationToken cancellationToken)
    {
        // Timers may wake a little early; the clock decides when the pause is over.
        while (PauseLeft is var left && left > TimeSpan.Zero)
            await Task.Delay(left, cancellationToken);
    }

    private static RateLimitLease Acquired(RateLimitLease lease) =>
        lease.IsAcquired ? lease : throw new InvalidOperationException("the host's request limiter is shut down");

    public void Dispose()
    {
        _open.Dispose();
        _rate.Dispose();
    }
}
