using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Prometheus;

namespace Ingestor.Telemetry;

public sealed class MetricsOptions
{
    public const string Section = "Metrics";

    /// <summary>Port of the Prometheus <c>/metrics</c> endpoint in service mode; 0 turns it off.</summary>
    [Range(0, 65535, ErrorMessage = "Metrics:Port must be between 0 and 65535")]
    public int Port { get; set; } = 9464;
}

/// <summary>
/// Serves the <c>Ingestor</c> meter (and .NET runtime metrics) for Prometheus while the service runs. It listens to the meters
/// before any hosted service starts: left to itself prometheus-net would only start at the first scrape, and the first sweep
/// after a start, which polls every board then due, would go uncounted.
/// </summary>
public sealed class MetricsEndpoint(IOptions<MetricsOptions> options, ILogger<MetricsEndpoint> logger) : IHostedLifecycleService
{
    private MetricServer? _server;

    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Port == 0)
            return;
        // prometheus-net connects its meter adapter before the registry's first collection: collect once now.
        await Metrics.DefaultRegistry.CollectAndExportAsTextAsync(Stream.Null, cancellationToken);
        _server = new MetricServer(port: options.Value.Port);
        _server.Start();
        logger.LogInformation("Serving metrics on :{Port}/metrics", options.Value.Port);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_server is not null)
            await _server.StopAsync();
    }

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

public static class MetricsRegistration
{
    public static IHostApplicationBuilder AddMetricsEndpoint(this IHostApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<MetricsOptions>(MetricsOptions.Section);
        builder.Services.AddHostedService<MetricsEndpoint>();
        return builder;
    }
}
