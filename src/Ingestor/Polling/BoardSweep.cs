using Ingestor.Greenhouse;
using Ingestor.Storage;
using Microsoft.Extensions.Options;

namespace Ingestor.Polling;

/// <summary>Polls a set of boards with bounded concurrency; the command line and the schedule differ only in which boards.</summary>
public sealed class BoardSweep(BoardPoller poller, Boards boards, IOptions<PollingOptions> options)
{
    /// <summary>Registers the boards named in configuration (Polling:Boards); a board already known keeps its settings.</summary>
    public async Task RegisterConfiguredBoardsAsync(CancellationToken cancellationToken)
    {
        await boards.RegisterAsync(GreenhouseClient.Provider, [.. options.Value.Boards.Select(BoardToken.Normalize)], cancellationToken);
    }

    public async Task<IReadOnlyList<PollRecord>> PollAsync(
        IReadOnlyList<BoardRef> targets, Action<BoardRef, PollRecord>? onPolled, CancellationToken cancellationToken)
    {
        var results = new PollRecord[targets.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Value.MaxConcurrentBoards, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, targets.Count), parallel, async (index, token) =>
        {
            results[index] = await poller.PollAsync(targets[index], token);
            onPolled?.Invoke(targets[index], results[index]);
        });
        return results;
    }
}
