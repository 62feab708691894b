using System.Diagnostics;
using Ingestor.Greenhouse;
using Ingestor.Normalization;

namespace Ingestor.Benchmarks;

/// <summary>What each normalization stage costs per posting of a real board, in-process, no database.</summary>
internal static class NormalizationBenchmark
{
    public static void Run(byte[] payload, TextWriter output)
    {
        const int rounds = 5;
        var snapshot = BoardSnapshot.Parse(payload);
        var gazetteerClock = Stopwatch.StartNew();
        var gazetteer = Gazetteer.Load();
        var gazetteerLoad = gazetteerClock.Elapsed;
        var locations = new LocationParser(gazetteer);
        var normalizer = new PostingNormalizer(locations, new LaunchScope(new LaunchScopeOptions { Languages = ["en"], Countries = ["US", "CA"] }));
        var texts = snapshot.Jobs.Select(j => HtmlText.FromEscapedContent(j.Content)?.Text).ToList();
        var jobs = snapshot.Jobs.Count;

        output.WriteLine($"stripe: {jobs} postings, {payload.Length / 1024.0 / 1024:0.0} MB; gazetteer load {gazetteerLoad.TotalMilliseconds:0} ms");
        output.WriteLine($"{"stage",-34} {"µs/posting",12}");
        Report("parse payload (System.Text.Json)", () => BoardSnapshot.Parse(payload));
        Report("identify (job id, source hash)", () => { foreach (var job in snapshot.Jobs) PostingNormalizer.Identify("greenhouse", "stripe", job); });
        Report("description HTML → text", () => { foreach (var job in snapshot.Jobs) HtmlText.FromEscapedContent(job.Content); });
        Report("location", () => { foreach (var job in snapshot.Jobs) locations.Parse(job.LocationName); });
        Report("salary from text", () => { foreach (var text in texts) SalaryParser.ParseAll(text); });
        Report("whole normalization", () => { foreach (var job in snapshot.Jobs) normalizer.Normalize("greenhouse", "stripe", job); });

        void Report(string stage, Action run)
        {
            run();
            var clock = Stopwatch.StartNew();
            for (var round = 0; round < rounds; round++)
                run();
            output.WriteLine($"{stage,-34} {clock.Elapsed.TotalMicroseconds / rounds / jobs,12:0.0}");
        }
    }
}
