using System.Diagnostics;
using System.Text.Json;
using Ingestor.Normalization.Descriptions;
using Ingestor.Normalization.Locations;
using Ingestor.Normalization.Salaries;
using Ingestor.Normalization;
using Ingestor.Providers;
using Ingestor.Providers.Greenhouse;

namespace Ingestor.Benchmarks;

/// <summary>
/// What each normalization stage costs per posting of a board, as a long-running service pays it: each stage runs for a
/// second first (so the JIT has compiled it fully, as it has after the first polls), then the median of seven rounds, and
/// what a round allocated (each allocation is work for the GC, which shares the two cores with everything else).
/// </summary>
internal static class NormalizationBenchmark
{
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(4);
    private const int Rounds = 7;

    public static void Run(byte[] stripePayload, TextWriter output)
    {
        using var snapshot = GreenhousePayload.Read(stripePayload);
        var sourceJobs = snapshot.Jobs.Select(ReadWhole).ToList();
        var gazetteerClock = Stopwatch.StartNew();
        var gazetteer = Gazetteer.Load();
        var gazetteerLoad = gazetteerClock.Elapsed;
        var locations = new LocationParser(gazetteer);
        var normalizer = new PostingNormalizer(locations, new LaunchScope(new LaunchScopeOptions { Languages = ["en"], Countries = ["US", "CA"] }));
        var texts = sourceJobs.Select(j => j.DescriptionHtml() is { } html ? HtmlText.FromHtml(html).Text : null).ToList();
        var jobs = snapshot.Jobs.Count;

        output.WriteLine($"stripe: {jobs} postings, {stripePayload.Length / 1024.0 / 1024:0.0} MB; gazetteer load {gazetteerLoad.TotalMilliseconds:0} ms");
        output.WriteLine($"{"stage",-34} {"µs/posting",12} {"KB allocated/posting",21}");
        Report("parse payload, list jobs", () => { using var parsed = GreenhousePayload.Read(stripePayload); });
        Report("identify (job id, source hash)", () => { foreach (var job in snapshot.Jobs) PostingNormalizer.Identify("greenhouse", "stripe", job); });
        // The same board as a serializer that escapes every character beyond ASCII sends it (the board farm's re-serialized sweep).
        var escaped = JsonSerializer.SerializeToUtf8Bytes(JsonDocument.Parse(stripePayload).RootElement, new JsonSerializerOptions { WriteIndented = true });
        using var escapedSnapshot = GreenhousePayload.Read(escaped);
        Report("identify, beyond ASCII escaped", () => { foreach (var job in escapedSnapshot.Jobs) PostingNormalizer.Identify("greenhouse", "stripe", job); });
        Report("parse + identify", () =>
        {
            using var parsed = GreenhousePayload.Read(stripePayload);
            foreach (var job in parsed.Jobs)
                PostingNormalizer.Identify("greenhouse", "stripe", job);
        });
        Report("read a job whole (SourceJob)", () => { foreach (var job in snapshot.Jobs) ReadWhole(job); });
        Report("description HTML → text", () => { foreach (var job in sourceJobs) if (job.DescriptionHtml() is { } html) HtmlText.FromHtml(html); });
        Report("location", () => { foreach (var job in sourceJobs) locations.Parse(job.LocationText); });
        Report("salary from text", () => { foreach (var text in texts) SalaryParser.ParseAll(text); });
        Report("employment type from text", () => { foreach (var text in texts) EmploymentTypes.Infer([], "", text); });
        Report("whole normalization (read included)", () => { foreach (var job in snapshot.Jobs) normalizer.Normalize("greenhouse", "stripe", ReadWhole(job)); });

        static SourceJob ReadWhole(ListedJob job) => GreenhouseMapping.ToSourceJob(GreenhouseJobReader.Read(job.Source)!);

        void Report(string stage, Action run)
        {
            var warming = Stopwatch.StartNew();
            do
                run();
            while (warming.Elapsed < WarmUp);
            var rounds = new List<TimeSpan>();
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            for (var round = 0; round < Rounds; round++)
            {
                var clock = Stopwatch.StartNew();
                run();
                rounds.Add(clock.Elapsed);
            }
            allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
            var median = rounds.Order().ElementAt(Rounds / 2);
            output.WriteLine($"{stage,-34} {median.TotalMicroseconds / jobs,12:0.0} {allocated / 1024.0 / Rounds / jobs,21:0.0}");
        }
    }
}
