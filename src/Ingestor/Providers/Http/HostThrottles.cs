using System.Collections.Concurrent;

namespace Ingestor.Providers.Http;

/// <summary>
/// One <see cref="HostThrottle"/> per host authority for the whole replica, shared by every sweep, poll and retry; its limits
/// are those of the first provider that reaches the host (one host, one provider).
/// </summary>
internal sealed class HostThrottles : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<HostThrottle>> _hosts = new(StringComparer.OrdinalIgnoreCase);

    public HostThrottle For(string authority, ProviderHttpOptions limits) =>
        _hosts.GetOrAdd(authority, _ => new Lazy<HostThrottle>(() =>
            new HostThrottle(limits.MaxConcurrentRequests, limits.MaxRequestsPerSecond))).Value;

    public void Dispose()
    {
        foreach (var host in _hosts.Values.Where(h => h.IsValueCreated))
            host.Value.Dispose();
    }
}
