using Ingestor.Archive;
using Ingestor.Cli;
using Ingestor.Normalization;
using Ingestor.Polling;
using Ingestor.Providers;
using Ingestor.Scheduling;
using Ingestor.Storage;
using Ingestor.Telemetry;
using Microsoft.Extensions.Hosting;

namespace Ingestor;

public static class Program
{
    public static Task<int> Main(string[] args) => IngestorCommandLine.InvokeAsync(args, CreateBuilder);

    /// <summary>The service, feature by feature; the command line decides what runs: the schedule, one sweep, a record, an evaluation.</summary>
    public static HostApplicationBuilder CreateBuilder()
    {
        // Settings files sit beside the binary, so the service runs the same from any working directory.
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory });
        builder.AddPipeline();
        builder.AddScheduling();
        builder.AddMetricsEndpoint();
        return builder;
    }

    /// <summary>
    /// What a poll is made of (storage, archive, providers, normalization, polling), without anything that starts work of its
    /// own: the worker adds its schedule and metrics listener, <c>--serve</c> its API, and both validate the same settings.
    /// </summary>
    public static IHostApplicationBuilder AddPipeline(this IHostApplicationBuilder builder)
    {
        builder.AddStorage();
        builder.AddArchive();
        builder.AddProviders();
        builder.AddNormalization();
        builder.AddPolling();
        return builder;
    }
}
