using System.Globalization;
using Ingestor.Providers;
using Ingestor.Replay;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Ingestor.Cli;

/// <summary>
/// <c>--replay --board BOARD [--since DATE]</c>: rebuilds one board's postings and events from its archive into an empty
/// database, with a line per day replayed and the rate at the end. An unreadable archived object stops it, named.
/// </summary>
internal static class ReplayCommand
{
    public static async Task<int> RunAsync(
        HostApplicationBuilder builder, string boardName, DateOnly? since, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        await using var startup = await HostStartup.StartAsync(builder, quiet: true, cancellationToken);
        if (!startup.Get<ProviderCatalog>().TryParse(boardName, out var board, out var problem))
        {
            error.WriteLine($"error: {boardName}: {problem}");
            return IngestorCommandLine.UsageOrConfigurationError;
        }

        var replay = ActivatorUtilities.CreateInstance<BoardReplay>(startup.Host.Services);
        var done = ReplaySummary.Empty;
        try
        {
            done = await replay.RunAsync(board, since, (summary, day, dayDone) =>
            {
                done = summary;
                if (dayDone)
                    output.WriteLine($"{board}: replayed through {day:yyyy-MM-dd}: {Describe(summary)}");
            }, cancellationToken);
        }
        catch (UnreadableArchiveObjectException e)
        {
            error.WriteLine($"error: {e.Message}; the replay stopped there after {done.Polls} polls, and the database holds what came before it");
            return IngestorCommandLine.Failure;
        }

        foreach (var rejected in done.Rejected)
            error.WriteLine($"rejected as it was live, nothing recorded from it: {rejected}");
        output.WriteLine(done.Polls == 0
            ? $"{board}: the archive holds no payloads of this board{(since is null ? "" : $" since {since:yyyy-MM-dd}")}"
            : $"{board}: replay done: {Describe(done)} in {done.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s " +
              $"({done.PollsPerSecond.ToString("0.0", CultureInfo.InvariantCulture)} payloads/s, {done.PostingsPerSecond.ToString("0", CultureInfo.InvariantCulture)} postings/s)");
        return done.Polls == 0 ? IngestorCommandLine.Failure : IngestorCommandLine.Success;
    }

    private static string Describe(ReplaySummary summary) =>
        $"{summary.Polls} polls ({summary.PollRecords} with a poll record, {summary.Rejected.Count} rejected), {summary.Postings} postings read | " +
        $"events: {summary.Opened} opened, {summary.Updated} updated, {summary.Reopened} reopened, {summary.Closed} closed";
}
