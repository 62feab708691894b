using Ingestor.Providers;
using Ingestor.Providers.Greenhouse;

namespace Ingestor.Tests.Infrastructure;

/// <summary>The jobs of a Greenhouse payload read whole, as the poller reads a new or changed job for normalization.</summary>
internal static class GreenhouseJobs
{
    /// <remarks>The snapshot is left to the collector rather than disposed, so the jobs' source objects stay readable.</remarks>
    public static IReadOnlyList<SourceJob> Read(byte[] payload) => [.. GreenhousePayload.Read(payload).Jobs.Select(Read)];

    public static SourceJob Read(ListedJob job) => GreenhouseMapping.ToSourceJob(GreenhouseJobReader.Read(job.Source)!);
}
