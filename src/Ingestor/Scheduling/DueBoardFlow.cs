using System.Runtime.CompilerServices;
using Ingestor.Polling;
using Ingestor.Storage;
using Ingestor.Telemetry;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ingestor.Scheduling;

/// <summary>
/// Polls due boards as poll slots free up. Each claim takes only as many boards as there are free slots, so a claimed board
/// starts at once, and a slow or huge board holds its own slot while the others go on claiming and polling. While polls are
/// still running and nothing is due, it looks again as each poll ends (at least every sweep interval); it returns when
/// nothing is due and nothing is running, or, once the service is stopping, when the polls under way have finished.
/// </summary>
internal sealed class DueBoardFlow(
    Boards boards,
    BoardSweep sweep,
    IOptions<SchedulingOptions> options,
    TimeProvider clock,
    IHostApplicationLifetime lifetime,
    ILogger<DueBoardFlow> logger)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var running = 0;
        var polled = 0;
        var failed = 0;
        using var pollEnded = new SemaphoreSlim(0);

        await sweep.PollAsync(ClaimAsSlotsFreeAsync(cancellationToken), (_, poll) =>
        {
            Interlocked.Increment(ref polled);
            if (poll.Outcome == PollOutcome.Failed)
                Interlocked.Increment(ref failed);
            Interlocked.Decrement(ref running);
            pollEnded.Release();
        }, cancellationToken);

        if (polled > 0)
            logger.LogInformation("Polled {Boards} due boards: {Failed} failed", polled, failed);

        // The sweep asks for the next board only from a slot that is free, one slot at a time.
        async IAsyncEnumerable<BoardRef> ClaimAsSlotsFreeAsync([EnumeratorCancellation] CancellationToken token)
        {
            using var stoppingOrCancelled = CancellationTokenSource.CreateLinkedTokenSource(token, lifetime.ApplicationStopping);
            while (!lifetime.ApplicationStopping.IsCancellationRequested)
            {
                IReadOnlyList<DueBoard> due;
                try
                {
                    due = await boards.ClaimDueAsync(sweep.Slots - Volatile.Read(ref running), options.Value.ClaimLease, token);
                }
                catch (Exception e) when (!token.IsCancellationRequested)
                {
                    // Not a reason to abandon the polls under way: they finish, and the next sweep claims again.
                    logger.LogError(e, "Claiming due boards failed");
                    yield break;
                }
                if (due.Count == 0)
                {
                    if (Volatile.Read(ref running) == 0)
                        yield break;
                    try
                    {
                        await pollEnded.WaitAsync(options.Value.SweepInterval, stoppingOrCancelled.Token);
                    }
                    catch (OperationCanceledException) when (!token.IsCancellationRequested)
                    {
                        // Stopping: claim nothing more; the polls under way finish.
                    }
                    continue;
                }

                foreach (var board in due)
                {
                    Interlocked.Increment(ref running);
                    // Handed to a free slot, so its poll starts now.
                    var lag = clock.GetUtcNow() - new DateTimeOffset(DateTime.SpecifyKind(board.DueAt, DateTimeKind.Utc));
                    IngestorTelemetry.PollStartLag.Record(Math.Max(0, lag.TotalSeconds));
                    yield return board.Board;
                }
            }
        }
    }
}
