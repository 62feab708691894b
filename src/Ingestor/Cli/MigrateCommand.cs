using Ingestor.Storage;
using Microsoft.Extensions.Hosting;

namespace Ingestor.Cli;

/// <summary><c>--migrate</c>: bring the schema up to date and exit (start-up does the same before any work).</summary>
internal static class MigrateCommand
{
    public static async Task<int> RunAsync(HostApplicationBuilder builder, CancellationToken cancellationToken)
    {
        await using var startup = await HostStartup.StartAsync(builder, quiet: true, cancellationToken);
        foreach (var migration in startup.AppliedMigrations)
            Console.Out.WriteLine($"applied {migration}");
        Console.Out.WriteLine("schema is up to date");
        return IngestorCommandLine.Success;
    }
}
