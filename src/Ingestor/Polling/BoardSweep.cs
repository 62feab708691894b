using Ingestor.Providers;
using Ingestor.Storage;
using Microsoft.Extensions.Options;

namespace Ingestor.Polling;

/// <summary>Polls boards with bounded concurrency; the command line and the schedule differ only in which boards.</summary>
public sealed class BoardSweep(BoardPoller poller, Boards boards, ProviderCatalog providers, IOptions<PollingOptions> options)
{
    /// <summary>Boards polled at once (<c>Polling:MaxConcurrentBoards</c>).</summary>
    public int Slots => options.Value.MaxConcurrentBoards;

    /// <summary>Registers the boards named in configuration (Polling:Boards); a board already known keeps its settings.</summary>
    public async Task RegisterConfiguredBoardsAsync(CancellationToken cancellationToken)
    {
        var named = new List<BoardName>();
        foreach (var text in options.Value.Boards)
            named.Add(providers.TryParse(text, out var board, out var problem)
                ? board
                : throw new ArgumentException($"Polling:Boards: {problem}"));
        await boards.RegisterAsync(named, cancellationToken);
    }

    public async Task<IReadOnlyList<PollRecord>> PollAsync(
        IReadOnlyList<BoardRef> targets, Action<BoardRef, PollRecord>? onPolled, CancellationToken cancellationToken)
    {
        var results = new PollRecord[targets.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, targets.Count), InSlots(cancellationToken), async (index, token) =>
        {
            results[index] = await poller.PollAsync(targets[index], token);
            onPolled?.Invoke(targets[index], results[index]);
        });
        return results;
    }

    /// <summary>
    /// Polls boards as they come: a slot that frees asks <paramref name="targets"/> for its next board, so a slow board holds
    /// one slot and the others keep going. The stream is asked by one slot at a time, only when that slot is free.
    /// </summary>
    public async Task PollAsync(IAsyncEnumerable<BoardRef> targets, Action<BoardRef, PollRecord> onPolled, CancellationToken cancellationToken)
    {
        await Parallel.ForEachAsync(targets, InSlots(cancellationToken), async (board, token) =>
            onPolled(board, await poller.PollAsync(board, token)));
    }

    private ParallelOptions InSlots(CancellationToken cancellationToken) =>
        new() { MaxDegreeOfParallelism = Slots, CancellationToken = cancellationToken };
}
