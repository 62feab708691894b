using Ingestor.Polling;
using Ingestor.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;

namespace Ingestor.Scheduling;

/// <summary>
/// The scheduled poll: claims the boards that are due and polls them, round after round, until none is due.
/// A firing may run more than once (Quartz clustering is at-least-once); claiming makes a second run find nothing due.
/// </summary>
[DisallowConcurrentExecution]
public sealed class PollDueBoardsJob(Boards boards, BoardSweep sweep, IOptions<SchedulingOptions> options, ILogger<PollDueBoardsJob> logger) : IJob
{
    public static readonly JobKey Key = new("poll-due-boards", "ingestor");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        logger.LogDebug("{Job} executing, triggered by {Trigger}", context.JobDetail.Key, context.Trigger.Key);
        IReadOnlyList<BoardRef> due;
        while ((due = await boards.ClaimDueAsync(options.Value.BoardsPerRound, cancellationToken)).Count > 0)
        {
            var polls = await sweep.PollAsync(due, null, cancellationToken);
            logger.LogInformation("Polled {Boards} due boards: {Failed} failed", polls.Count, polls.Count(p => p.Outcome == PollOutcome.Failed));
        }
    }
}
