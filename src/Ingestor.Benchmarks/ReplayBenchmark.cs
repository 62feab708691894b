using System.Text.Json.Nodes;
using Ingestor.Polling;
using Ingestor.Providers;
using Ingestor.Replay;
using Ingestor.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Ingestor.Benchmarks;

/// <summary>
/// <c>--replay</c>'s rate: stripe (547 postings) polled live through 30 payloads, each retitling another tenth of its jobs, into
/// a folder archive; then the archive replayed into a second, empty database of the same server.
/// </summary>
internal static class ReplayBenchmark
{
    private const int Payloads = 30;

    public static async Task RunAsync(byte[] stripe, string work)
    {
        var boards = Path.Combine(work, "boards");
        var archive = Path.Combine(work, "archive");
        await using var postgres = await LocalPostgres.StartAsync(Path.Combine(work, "postgres"), durable: true);
        await using (var admin = new NpgsqlConnection(postgres.ConnectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand("create database replayed", admin);
            await create.ExecuteNonQueryAsync();
        }

        using (var live = await BenchmarkHost.StartAsync(postgres.ConnectionString, boards, archive))
        {
            var board = await live.Services.GetRequiredService<Boards>().RegisterAsync(new BoardName("greenhouse", "stripe"), CancellationToken.None);
            for (var payload = 0; payload < Payloads; payload++)
            {
                PollBenchmark.WriteBoard(boards, "stripe", RetitleTenth(stripe, payload));
                var poll = await live.Services.GetRequiredService<BoardPoller>().PollAsync(board, CancellationToken.None);
                if (poll.Outcome == PollOutcome.Failed)
                    throw new InvalidOperationException(poll.Error);
            }
        }

        var replayedDatabase = new NpgsqlConnectionStringBuilder(postgres.ConnectionString) { Database = "replayed" }.ConnectionString;
        using var replica = await BenchmarkHost.StartAsync(replayedDatabase, boards, archive);
        var replay = ActivatorUtilities.CreateInstance<BoardReplay>(replica.Services);
        var summary = await replay.RunAsync(new BoardName("greenhouse", "stripe"), null, (_, _, _) => { }, CancellationToken.None);

        Console.WriteLine();
        Console.WriteLine($"{"replay",-46} {"payloads",8} {"postings",9} {"s",7} {"payloads/s",11} {"postings/s",11}");
        Console.WriteLine(
            $"{"stripe, " + Payloads + " payloads, a tenth retitled each",-46} {summary.Polls,8} {summary.Postings,9} {summary.Elapsed.TotalSeconds,7:0.0} " +
            $"{summary.PollsPerSecond,11:0.0} {summary.PostingsPerSecond,11:0}");
    }

    private static byte[] RetitleTenth(byte[] payload, int round) => PollBenchmark.Edit(payload, jobs =>
    {
        for (var i = 0; i < jobs.Count; i++)
            if (i % 10 == round % 10)
                jobs[i]!["title"] = $"{(string?)jobs[i]!["title"]} (round {round})";
    });
}
