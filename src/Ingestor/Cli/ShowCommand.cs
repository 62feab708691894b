using System.Text.Encodings.Web;
using System.Text.Json;
using Ingestor.Storage;
using Microsoft.Extensions.Hosting;

namespace Ingestor.Cli;

/// <summary><c>--show JOB_ID</c>: one posting as a complete record, as JSON on standard output.</summary>
internal static class ShowCommand
{
    private static readonly JsonSerializerOptions Pretty = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task<int> RunAsync(HostApplicationBuilder builder, string jobId, CancellationToken cancellationToken)
    {
        await using var startup = await HostStartup.StartAsync(builder, quiet: true, cancellationToken);
        var record = await startup.Get<PostingRecords>().FindAsync(jobId, cancellationToken);
        if (record is null)
        {
            Console.Error.WriteLine($"no posting has job_id '{jobId}'");
            return IngestorCommandLine.Failure;
        }
        Console.Out.WriteLine(record.ToJsonString(Pretty));
        return IngestorCommandLine.Success;
    }
}
