using Ingestor.Storage;
using Microsoft.Extensions.Hosting;

namespace Ingestor.Cli;

/// <summary><c>--boards</c>: every registered board with its health, one line each, and a summary line.</summary>
internal static class BoardsCommand
{
    public static async Task<int> RunAsync(HostApplicationBuilder builder, TextWriter output, CancellationToken cancellationToken)
    {
        await using var startup = await HostStartup.StartAsync(builder, quiet: true, cancellationToken);
        var boards = await startup.Get<Boards>().HealthAsync(cancellationToken);
        BoardHealthReport.Write(boards, startup.Get<TimeProvider>().GetUtcNow(), output);
        return IngestorCommandLine.Success;
    }
}
