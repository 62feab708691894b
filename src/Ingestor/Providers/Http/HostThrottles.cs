using System.Collections.Concurrent;
using Ingestor.Providers.Greenhouse;
using Microsoft.Extensions.Options;

namespace Ingestor.Providers.Http;

/// <summary>One <see cref="HostThrottle"/> per host authority for the whole replica, shared by every sweep, poll and retry.</summary>
internal sealed class HostThrottles(IOptions<GreenhouseOptions> options) : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<HostThrottle>> _hosts = new(StringComparer.OrdinalIgnoreCase);

    public HostThrottle For(string authority) =>
        _hosts.GetOrAdd(authority, _ => new Lazy<HostThrottle>(() =>
            new HostThrottle(options.Value.MaxConcurrentRequests, options.Value.MaxRequestsPerSecond))).Value;

    public void Dispose()
    {
        foreach (var host in _hosts.Values.Where(h => h.IsValueCreated))
            host.Value.Dispose();
    }
}
