using System.Diagnostics;
using Dapper;
using Ingestor.Normalization;
using Ingestor.Polling;
using Ingestor.Providers;
using Ingestor.Renormalization;
using Ingestor.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Ingestor.Benchmarks;

/// <summary>
/// <c>--renormalize</c>'s rate: stripe ten times over (5,470 postings) stored by a real poll in a durable local PostgreSQL,
/// then left as an older parser would have left them (no parser version) and re-derived, in batches as the command does.
/// </summary>
internal static class RenormalizeBenchmark
{
    private const int Copies = 10;

    public static async Task RunAsync(byte[] stripe, string work)
    {
        var boards = Path.Combine(work, "boards");
        PollBenchmark.WriteBoard(boards, "stripe-x10", PollBenchmark.Multiply(stripe, Copies));

        await using var postgres = await LocalPostgres.StartAsync(Path.Combine(work, "postgres"), durable: true);
        using var host = await BenchmarkHost.StartAsync(postgres.ConnectionString, boards, Path.Combine(work, "archive"));
        var board = await host.Services.GetRequiredService<Boards>().RegisterAsync(new BoardName("greenhouse", "stripe-x10"), CancellationToken.None);
        await host.Services.GetRequiredService<BoardPoller>().PollAsync(board, CancellationToken.None);

        var database = host.Services.GetRequiredService<NpgsqlDataSource>();
        var renormalizer = new Renormalizer(
            database, host.Services.GetRequiredService<PostingNormalizer>(),
            new StoredJobSource(host.Services.GetRequiredService<ProviderCatalog>()), TimeProvider.System);
        Console.WriteLine();
        Console.WriteLine($"{"renormalize",-46} {"postings",8} {"s",8} {"postings/s",12}");
        // The first run warms the JIT and the gazetteer; the second is the figure.
        foreach (var label in new[] { "stripe-x10, first run (JIT warming)", "stripe-x10, again" })
        {
            await using (var connection = await database.OpenConnectionAsync())
                await connection.ExecuteAsync("update posting_rows set parsed = parsed - 'parser_version'");
            var clock = Stopwatch.StartNew();
            var report = await renormalizer.RunAsync([], Renormalizer.DefaultBatchSize, batches: null, _ => { }, CancellationToken.None);
            var elapsed = clock.Elapsed;
            Console.WriteLine($"{label,-46} {report.Rederived,8} {elapsed.TotalSeconds,8:0.0} {report.Rederived / elapsed.TotalSeconds,12:0}");
        }
    }
}
