using Ingestor.Storage;
using Microsoft.Extensions.Hosting;

namespace Ingestor.Cli;

/// <summary><c>--prune-polls</c>: delete the polls past <c>Retention:Polls</c> that nothing names now, as the service does every hour, and exit.</summary>
internal static class PrunePollsCommand
{
    private const long ProgressEvery = 100_000;

    public static async Task<int> RunAsync(HostApplicationBuilder builder, TextWriter output, CancellationToken cancellationToken)
    {
        await using var startup = await HostStartup.StartAsync(builder, quiet: true, cancellationToken);
        var retention = startup.Get<PollRetention>();
        var before = retention.Cutoff;
        var reported = 0L;
        var walk = await retention.PruneAsync(before, after: null, pruned =>
        {
            if (pruned - reported < ProgressEvery)
                return;
            reported = pruned;
            output.WriteLine($"pruned {pruned:N0} polls so far");
        }, cancellationToken);
        output.WriteLine(
            $"pruned {walk.Pruned:N0} polls started before {before:yyyy-MM-dd HH:mm:ss}Z; kept those that wrote an event, that a close names " +
            "as evidence, that a pending close waits on, or that hold a board's snapshot");
        return IngestorCommandLine.Success;
    }
}
