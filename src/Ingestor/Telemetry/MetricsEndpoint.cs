using System.ComponentModel.DataAnnotations;
using Ingestor.Serving;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Prometheus;

namespace Ingestor.Telemetry;

public sealed class MetricsOptions
{
    public const string Section = "Metrics";

    /// <summary>Port of the Prometheus <c>/metrics</c> endpoint and the <c>/healthz</c> probes in service mode; 0 turns them off.</summary>
    [Range(0, 65535, ErrorMessage = "Metrics:Port must be between 0 and 65535")]
    public int Port { get; set; } = 9464;
}

/// <summary>
/// Serves the <c>Ingestor</c> meter (and .NET runtime metrics) for Prometheus, and the same <c>/healthz/live</c> and
/// <c>/healthz/ready</c> probes as the read API, while the service runs. A small Kestrel server of its own on the metrics
/// port: the worker is no web application, and prometheus-net's own servers serve nothing but <c>/metrics</c>.
/// It listens to the meters before any hosted service starts: left to itself prometheus-net would only start at the first
/// scrape, and the first sweep after a start, which polls every board then due, would go uncounted.
/// </summary>
public sealed class MetricsEndpoint(
    IOptions<MetricsOptions> options, HealthCheckService health, ILoggerFactory logging, ILogger<MetricsEndpoint> logger) : IHostedLifecycleService, IAsyncDisposable
{
    private WebApplication? _server;

    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Port == 0)
            return;
        // prometheus-net connects its meter adapter before the registry's first collection: collect once now.
        await Metrics.DefaultRegistry.CollectAndExportAsTextAsync(Stream.Null, cancellationToken);

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.ListenAnyIP(options.Value.Port));
        builder.Services.AddRoutingCore();
        builder.Services.AddSingleton(health);
        builder.Services.AddSingleton(logging);
        // The worker's host owns the process's lifetime and its signals; this server only listens.
        builder.Services.AddSingleton<IHostLifetime, OwnedLifetime>();
        _server = builder.Build();
        _server.MapMetrics();
        _server.MapHealthz();
        await _server.StartAsync(cancellationToken);
        logger.LogInformation("Serving metrics and health on :{Port} (/metrics, /healthz/live, /healthz/ready)", options.Value.Port);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_server is not null)
            await _server.StopAsync(cancellationToken);
    }

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
            await _server.DisposeAsync();
    }

    private sealed class OwnedLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}

public static class MetricsRegistration
{
    public static IHostApplicationBuilder AddMetricsEndpoint(this IHostApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<MetricsOptions>(MetricsOptions.Section);
        builder.Services.AddDatabaseHealthCheck();
        builder.Services.AddHostedService<MetricsEndpoint>();
        return builder;
    }
}
