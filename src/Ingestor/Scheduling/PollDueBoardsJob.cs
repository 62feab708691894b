using Microsoft.Extensions.Logging;
using Quartz;

namespace Ingestor.Scheduling;

/// <summary>
/// The scheduled poll: polls due boards as slots free up until none is due and none is running.
/// A firing may run more than once (Quartz clustering is at-least-once); claiming makes a second run find nothing due.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class PollDueBoardsJob(DueBoardFlow flow, ILogger<PollDueBoardsJob> logger) : IJob
{
    public static readonly JobKey Key = new("poll-due-boards", "ingestor");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        logger.LogDebug("{Job} executing, triggered by {Trigger}", context.JobDetail.Key, context.Trigger.Key);
        await flow.RunAsync(cancellationToken);
    }
}
