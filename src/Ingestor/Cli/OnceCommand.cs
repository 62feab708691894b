using Ingestor.Polling;
using Ingestor.Providers;
using Ingestor.Storage;
using Microsoft.Extensions.Hosting;

namespace Ingestor.Cli;

/// <summary><c>--once</c>: one sweep of the enabled boards, or of the boards named, with a line per board as it finishes.</summary>
internal static class OnceCommand
{
    public static async Task<int> RunAsync(HostApplicationBuilder builder, IReadOnlyList<string> boardNames, TextWriter output, CancellationToken cancellationToken)
    {
        await using var startup = await HostStartup.StartAsync(builder, quiet: true, cancellationToken);
        var boards = startup.Get<Boards>();
        var sweep = startup.Get<BoardSweep>();
        await sweep.RegisterConfiguredBoardsAsync(cancellationToken);

        var providers = startup.Get<ProviderCatalog>();
        var valid = new List<BoardName>();
        foreach (var candidate in boardNames)
        {
            if (providers.TryParse(candidate, out var board, out var problem))
                valid.Add(board);
            else
                output.WriteLine($"{candidate}: failed: {problem}");
        }
        var refused = boardNames.Count - valid.Count;
        var targets = boardNames.Count == 0
            ? await boards.EnabledAsync(cancellationToken)
            : await boards.RegisterAsync(valid, cancellationToken);

        if (targets.Count == 0 && refused == 0)
        {
            output.WriteLine("no boards to poll: name some with --board TOKEN (or provider:token) or list them in Polling:Boards");
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
        PollOutcome.Failed => $"{board.Name}: failed: {poll.Error}",
        _ => $"{board.Name}: {poll.Outcome}, {poll.JobCount} jobs ({poll.Opened} opened, {poll.Updated} updated, " +
             $"{poll.Reopened} reopened, {poll.Closed} closed, {poll.Unchanged} unchanged){(poll.Error is null ? "" : $": {poll.Error}")}",
    };
}
