using Ingestor.Polling;
using Microsoft.Extensions.Hosting;

namespace Ingestor.Cli;

/// <summary>No arguments: the long-running service. Quartz polls every enabled board at its interval until the process is stopped.</summary>
internal static class ServiceCommand
{
    public static async Task<int> RunAsync(HostApplicationBuilder builder, CancellationToken cancellationToken)
    {
        await using var startup = await HostStartup.StartAsync(builder, quiet: false, cancellationToken);
        await startup.Get<BoardSweep>().RegisterConfiguredBoardsAsync(cancellationToken);
        await startup.Host.RunAsync(cancellationToken);
        return IngestorCommandLine.Success;
    }
}
