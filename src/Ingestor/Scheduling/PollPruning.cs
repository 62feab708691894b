using Ingestor.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Ingestor.Scheduling;

/// <summary>
/// Deletes the polls past their retention every hour (<see cref="PollRetention"/>). The first pass after start walks every
/// poll; later ones walk on from where the last stopped, so the polls kept for what names them are read once a start, not
/// every hour. Several replicas may prune at once: a poll deleted by one is skipped by the other.
/// </summary>
internal sealed class PollPruning(PollRetention retention, TimeProvider clock, ILogger<PollPruning> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        Guid? after = null;
        do
        {
            try
            {
                var before = retention.Cutoff;
                var walk = await retention.PruneAsync(before, after, progress: null, stoppingToken);
                after = walk.LastExamined;
                if (walk.Pruned > 0)
                    logger.LogInformation("Pruned {Polls} polls started before {Before:u} that nothing names", walk.Pruned, before);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "Pruning old polls failed; the next pass tries again");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
