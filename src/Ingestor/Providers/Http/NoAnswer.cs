using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Ingestor.Providers.Http;

/// <summary>The failures of a request that got no answer after retries (timeout, refused, circuit open, cut short): a result to record, not a crash.</summary>
public static class NoAnswer
{
    public static bool Is(Exception exception, CancellationToken cancellationToken) =>
        exception is HttpRequestException or TimeoutRejectedException or BrokenCircuitException or IOException
        || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested);
}
