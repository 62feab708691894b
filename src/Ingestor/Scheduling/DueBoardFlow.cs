using System.Runtime.CompilerServices;
using Ingestor.Polling;
using Ingestor.Storage;
using Ingestor.Telemetry;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ingestor.Scheduling;

/// <summary>
/// Polls due boards as poll slots free up: a slow or huge board holds its own slot while the others go on claiming and
/// polling. A claim reads and sorts every due board whatever it takes (no index orders boards by due time: every poll moves
/// it, and an index on it would make each board's update write the index too), so each takes a board for every slot and
/// hands them out as slots free; claimed one a slot, 6,000 due boards cost PostgreSQL 6,000 sorts of 6,000 rows a sweep.
/// While polls are still running and nothing is due, it looks again as each poll ends (at least every sweep interval); it
/// returns when nothing is due and nothing is running, or, once the service is stopping, when the polls under way have
/// finished, giving back the claims of boards it had not started.
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
        try
        {
            await boards.ReleaseOwnClaimsAsync(cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // The claim that follows fails the same way and says so.
            logger.LogDebug(e, "Giving back this replica's claims failed");
        }

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

        // The sweep asks for the next board only from a slot that is free, one slot at a time; boards claimed and not handed
        // out when it stops asking (the service stopping, the sweep cancelled) are given back.
        async IAsyncEnumerable<BoardRef> ClaimAsSlotsFreeAsync([EnumeratorCancellation] CancellationToken token)
        {
            using var stoppingOrCancelled = CancellationTokenSource.CreateLinkedTokenSource(token, lifetime.ApplicationStopping);
            IReadOnlyList<DueBoard> due = [];
            var handedOut = 0;
            try
            {
                while (!lifetime.ApplicationStopping.IsCancellationRequested)
                {
                    try
                    {
                        due = await boards.ClaimDueAsync(sweep.Slots, options.Value.ClaimLease, token);
                        handedOut = 0;
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

                    while (handedOut < due.Count && !lifetime.ApplicationStopping.IsCancellationRequested)
                    {
                        var board = due[handedOut++];
                        Interlocked.Increment(ref running);
                        // Handed to a free slot, so its poll starts now.
                        var lag = clock.GetUtcNow() - new DateTimeOffset(DateTime.SpecifyKind(board.DueAt, DateTimeKind.Utc));
                        IngestorTelemetry.PollStartLag.Record(Math.Max(0, lag.TotalSeconds));
                        yield return board.Board;
                    }
                }
            }
            finally
            {
                if (handedOut < due.Count)
                {
                    try
                    {
                        // Not the sweep's token: a cancelled sweep still gives its claims back.
                        await boards.ReleaseClaimsAsync([.. due.Skip(handedOut).Select(board => board.Board.SourceId)], CancellationToken.None);
                    }
                    catch (Exception e)
                    {
                        // Their leases end them instead.
                        logger.LogWarning(e, "Giving back the claims of {Boards} boards not polled failed", due.Count - handedOut);
                    }
                }
            }
        }
    }
}
