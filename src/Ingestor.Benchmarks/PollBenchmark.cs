using System.Diagnostics;
using System.Text.Json.Nodes;
using Ingestor.Polling;
using Ingestor.Providers;
using Ingestor.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Ingestor.Benchmarks;

/// <summary>
/// Whole polls of one real board (stripe, 547 postings) and of the same board ten times over, in-process, with the database
/// round trips each makes: first sight, unchanged, every title changed, 40% gone.
/// </summary>
internal static class PollBenchmark
{
    public static async Task RunAsync(byte[] stripe, string work)
    {
        var boards = Path.Combine(work, "boards");
        WriteBoard(boards, "stripe", stripe);
        WriteBoard(boards, "stripe-x10", Multiply(stripe, 10));

        await using var postgres = await LocalPostgres.StartAsync(Path.Combine(work, "postgres"), durable: true);
        using var host = await BenchmarkHost.StartAsync(postgres.ConnectionString, boards, Path.Combine(work, "archive"));

        Console.WriteLine();
        Console.WriteLine($"{"poll",-46} {"postings",8} {"ms",8} {"in db",8} {"round trips",12}");
        foreach (var board in new[] { "stripe", "stripe-x10" })
        {
            var original = File.ReadAllBytes(BoardFile(boards, board));
            await MeasurePollAsync(host, board, "first sight (all opened)");
            await MeasurePollAsync(host, board, "again, unchanged");
            var retitled = Retitle(original);
            WriteBoard(boards, board, retitled);
            await MeasurePollAsync(host, board, "every title changed (all updated)");
            WriteBoard(boards, board, DropShare(retitled, 0.4));
            await MeasurePollAsync(host, board, "40% gone (closed)");
        }
    }

    private static async Task MeasurePollAsync(IHost host, string board, string label)
    {
        var boards = host.Services.GetRequiredService<Boards>();
        var poller = host.Services.GetRequiredService<BoardPoller>();
        var target = await boards.RegisterAsync(new BoardName("greenhouse", board), CancellationToken.None);

        var roundTrips = 0;
        var inDatabase = TimeSpan.Zero;
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = activity =>
            {
                Interlocked.Increment(ref roundTrips);
                inDatabase += activity.Duration;
            },
        };
        ActivitySource.AddActivityListener(listener);
        var clock = Stopwatch.StartNew();
        var poll = await poller.PollAsync(target, CancellationToken.None);
        var elapsed = clock.Elapsed;
        if (poll.Outcome == PollOutcome.Failed)
            throw new InvalidOperationException($"{board}: {poll.Error}");
        // Npgsql traces each command or batch it sends (COPY included); a commit is one more.
        Console.WriteLine($"{board + ": " + label,-46} {poll.JobCount,8} {elapsed.TotalMilliseconds,8:0} {inDatabase.TotalMilliseconds,8:0} {roundTrips,12}");
    }

    private static string BoardFile(string boards, string token) => Path.Combine(boards, "v1", "boards", token, "jobs.json");

    internal static void WriteBoard(string boards, string token, byte[] payload)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(BoardFile(boards, token))!);
        File.WriteAllBytes(BoardFile(boards, token), payload);
    }

    internal static byte[] Edit(byte[] payload, Action<JsonArray> change)
    {
        var root = JsonNode.Parse(payload)!.AsObject();
        var jobs = root["jobs"]!.AsArray();
        change(jobs);
        root["meta"] = new JsonObject { ["total"] = jobs.Count };
        return System.Text.Encoding.UTF8.GetBytes(root.ToJsonString());
    }

    internal static byte[] Multiply(byte[] payload, int times) => Edit(payload, jobs =>
    {
        var originals = jobs.Select(j => j!.DeepClone()).ToList();
        for (var copy = 1; copy < times; copy++)
            foreach (var job in originals)
            {
                var clone = job.DeepClone().AsObject();
                clone["id"] = (long)clone["id"]! + copy * 1_000_000_000L;
                jobs.Add(clone);
            }
    });

    private static byte[] Retitle(byte[] payload) => Edit(payload, jobs =>
    {
        foreach (var job in jobs)
            job!["title"] = (string?)job["title"] + " (updated)";
    });

    private static byte[] DropShare(byte[] payload, double share) => Edit(payload, jobs =>
    {
        var drop = (int)(jobs.Count * share);
        for (var i = 0; i < drop; i++)
            jobs.RemoveAt(jobs.Count - 1);
    });
}
