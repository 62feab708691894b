using Ingestor.Providers.Greenhouse;
using Ingestor.Polling;
using Ingestor.Storage;
using Microsoft.Extensions.Hosting;

namespace Ingestor.Cli;

/// <summary><c>--once</c>: one sweep of the enabled boards, or of the boards named, with a line per board as it finishes.</summary>
internal static class OnceCommand
{
    public static async Task<int> RunAsync(HostApplicationBuilder builder, IReadOnlyList<string> boardTokens, TextWriter output, CancellationToken cancellationToken)
    {
        await using var startup = await HostStartup.StartAsync(builder, quiet: true, cancellationToken);
        var boards = startup.Get<Boards>();
        var sweep = startup.Get<BoardSweep>();
        await sweep.RegisterConfiguredBoardsAsync(cancellationToken);

        var valid = new List<string>();
        foreach (var candidate in boardTokens)
        {
            if (BoardToken.TryNormalize(candidate, out var token))
                valid.Add(token);
            else
                output.WriteLine($"{candidate}: failed: '{candidate}' is not a board token (letters, digits, '-' and '_' only)");
        }
        var refused = boardTokens.Count - valid.Count;
        var targets = boardTokens.Count == 0
            ? await boards.EnabledAsync(cancellationToken)
            : await boards.RegisterAsync(GreenhouseProvider.ProviderName, valid, cancellationToken);

        if (targets.Count == 0 && refused == 0)
        {
            output.WriteLine("no boards to poll: name some with --board TOKEN or list them in Polling:Boards");
            return IngestorCommandLine.Failure;
        }

        var polls = await sweep.PollAsync(targets, (board, poll) => output.WriteLine(Describe(board, poll)), cancellationToken);
        var totals = await startup.Get<PostingRecords>().TotalsAsync(cancellationToken);
        var failed = polls.Count(p => p.Outcome == PollOutcome.Failed) + refused;
        output.WriteLine(
            $"boards: {polls.Count + refused} polled, {polls.Count + refused - failed} ok, {failed} failed | " +
            $"postings: {totals.Active} active, {totals.Inactive} inactive | " +
            $"events this run: {polls.Sum(p => p.Opened)} opened, {polls.Sum(p => p.Updated)} updated, {polls.Sum(p => p.Reopened)} reopened, {polls.Sum(p => p.Closed)} closed; {totals.Events} in all");
        return failed == 0 ? IngestorCommandLine.Success : IngestorCommandLine.Failure;
    }

    private static string Describe(BoardRef board, PollRecord poll) => poll.Outcome switch
    {
        PollOutcome.Failed => $"{board.BoardToken}: failed: {poll.Error}",
        _ => $"{board.BoardToken}: {poll.Outcome}, {poll.JobCount} jobs ({poll.Opened} opened, {poll.Updated} updated, " +
             $"{poll.Reopened} reopened, {poll.Closed} closed, {poll.Unchanged} unchanged){(poll.Error is null ? "" : $": {poll.Error}")}",
    };
}
