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

/// <summary>Serves the <c>Ingestor</c> meter (and .NET runtime metrics) for Prometheus while the service runs.</summary>
public sealed class MetricsEndpoint(IOptions<MetricsOptions> options, ILogger<MetricsEndpoint> logger) : IHostedService
{
    private MetricServer? _server;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Port == 0)
            return Task.CompletedTask;
        _server = new MetricServer(port: options.Value.Port);
        _server.Start();
        logger.LogInformation("Serving metrics on :{Port}/metrics", options.Value.Port);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_server is not null)
            await _server.StopAsync();
    }
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
