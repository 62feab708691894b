using Ingestor.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Ingestor.Benchmarks;

/// <summary>The service in this process, migrated, reading Greenhouse boards from a folder and archiving to another.</summary>
internal static class BenchmarkHost
{
    public static async Task<IHost> StartAsync(string connectionString, string boards, string archive)
    {
        var builder = Program.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Postgres"] = connectionString,
            ["Greenhouse:BaseUrl"] = new Uri(boards + "/").AbsoluteUri,
            ["Archive:Kind"] = "file",
            ["Archive:Path"] = archive,
            ["Metrics:Port"] = "0",
        });
        builder.Logging.AddFilter((_, level) => level >= LogLevel.Warning);
        var host = builder.Build();
        await host.Services.GetRequiredService<Migrator>().MigrateAsync(CancellationToken.None);
        return host;
    }
}
