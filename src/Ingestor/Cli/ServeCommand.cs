using Ingestor.Serving;
using Ingestor.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Ingestor.Cli;

/// <summary>
/// <c>--serve</c>: the read API until the process is stopped. It polls nothing and, against a configured database, changes
/// nothing either (the worker migrates; a read-only role is enough). Only the throwaway Development database, which this
/// process starts itself, is migrated here.
/// </summary>
internal static class ServeCommand
{
    public static async Task<int> RunAsync(string? urls, CancellationToken cancellationToken)
    {
        var builder = ReadApiApplication.CreateBuilder(urls is null ? [] : ["--urls", urls]);
        await using var localDatabase = await builder.StartLocalDatabaseIfNeededAsync(cancellationToken);
        await using var app = ReadApiApplication.Build(builder);

        app.Services.GetRequiredService<IStartupValidator>().Validate();
        // Resolving the data source checks the connection string now, as a configuration error, not at the first request.
        app.Services.GetRequiredService<NpgsqlDataSource>();
        if (localDatabase is not null)
            await app.Services.GetRequiredService<Migrator>().MigrateAsync(cancellationToken);

        await app.StartAsync(cancellationToken);
        app.Logger.LogInformation("Serving the read API on {Urls}", string.Join(", ", app.Urls));
        await app.WaitForShutdownAsync(cancellationToken);
        return IngestorCommandLine.Success;
    }
}
