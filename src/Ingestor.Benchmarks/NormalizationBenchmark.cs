using System.Diagnostics;
using Ingestor.Greenhouse;
using Ingestor.Normalization;

namespace Ingestor.Benchmarks;

/// <summary>
/// What each normalization stage costs per posting of a board, as a long-running service pays it: each stage runs for a
/// second first (so the JIT has compiled it fully, as it has after the first polls), then the median of seven rounds.
/// </summary>
internal static class NormalizationBenchmark
{
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(4);
    private const int Rounds = 7;

    public static void Run(byte[] stripePayload, TextWriter output)
    {
        var snapshot = BoardSnapshot.Parse(stripePayload);
        var gazetteerClock = Stopwatch.StartNew();
        var gazetteer = Gazetteer.Load();
        var gazetteerLoad = gazetteerClock.Elapsed;
        var locations = new LocationParser(gazetteer);
        var normalizer = new PostingNormalizer(locations, new LaunchScope(new LaunchScopeOptions { Languages = ["en"], Countries = ["US", "CA"] }));
        var texts = snapshot.Jobs.Select(j => HtmlText.FromEscapedContent(j.Content)?.Text).ToList();
        var jobs = snapshot.Jobs.Count;

        output.WriteLine($"stripe: {jobs} postings, {stripePayload.Length / 1024.0 / 1024:0.0} MB; gazetteer load {gazetteerLoad.TotalMilliseconds:0} ms");
        output.WriteLine($"{"stage",-34} {"µs/posting",12}");
        Report("parse payload (System.Text.Json)", () => BoardSnapshot.Parse(stripePayload));
        Report("identify (job id, source hash)", () => { foreach (var job in snapshot.Jobs) PostingNormalizer.Identify("greenhouse", "stripe", job); });
        Report("parse + identify", () => { foreach (var job in BoardSnapshot.Parse(stripePayload).Jobs) PostingNormalizer.Identify("greenhouse", "stripe", job); });
        Report("description HTML → text", () => { foreach (var job in snapshot.Jobs) HtmlText.FromEscapedContent(job.Content); });
        Report("location", () => { foreach (var job in snapshot.Jobs) locations.Parse(job.LocationName); });
        Report("salary from text", () => { foreach (var text in texts) SalaryParser.ParseAll(text); });
        Report("whole normalization", () => { foreach (var job in snapshot.Jobs) normalizer.Normalize("greenhouse", "stripe", job); });

        void Report(string stage, Action run)
        {
            var warming = Stopwatch.StartNew();
            do
                run();
            while (warming.Elapsed < WarmUp);
            var rounds = new List<TimeSpan>();
            for (var round = 0; round < Rounds; round++)
            {
                var clock = Stopwatch.StartNew();
                run();
                rounds.Add(clock.Elapsed);
            }
            var median = rounds.Order().ElementAt(Rounds / 2);
            output.WriteLine($"{stage,-34} {median.TotalMicroseconds / jobs,12:0.0}");
        }
    }
}
