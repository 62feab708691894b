using Ingestor.Storage;
using Ingestor.Telemetry;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ingestor.Scheduling;

/// <summary>
/// Reads how fresh the enabled boards are, one statement every sweep interval, and publishes it as metrics. Every replica
/// reads for itself (a clustered schedule runs each sweep on one replica only), so each reports the same fleet-wide figures.
/// </summary>
internal sealed class FreshnessMonitor(Boards boards, IOptions<SchedulingOptions> options, TimeProvider clock, ILogger<FreshnessMonitor> logger)
    : BackgroundService
{
    public async Task RefreshAsync(CancellationToken cancellationToken) =>
        IngestorTelemetry.Publish(await boards.FreshnessAsync(cancellationToken), clock);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SweepInterval);
        do
        {
            try
            {
                await RefreshAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // The ages keep growing from the last reading, so a freshness alert still fires if this keeps failing.
                logger.LogWarning(e, "Reading board freshness failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
