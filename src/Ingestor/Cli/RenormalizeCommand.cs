using System.Diagnostics;
using Dapper;
using Ingestor.Normalization;
using Ingestor.Providers;
using Ingestor.Renormalization;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Ingestor.Cli;

/// <summary>
/// <c>--renormalize [--board BOARD]…</c>: re-derives the parsed fields of every stored posting (or of the boards named) with
/// this build's parsers, with a progress line per batch and, at the end, how many postings changed per field.
/// </summary>
internal static class RenormalizeCommand
{
    public static async Task<int> RunAsync(HostApplicationBuilder builder, IReadOnlyList<string> boardNames, TextWriter output, CancellationToken cancellationToken)
    {
        await using var startup = await HostStartup.StartAsync(builder, quiet: true, cancellationToken);
        var providers = startup.Get<ProviderCatalog>();
        var database = startup.Get<NpgsqlDataSource>();
        var sourceIds = new List<Guid>();
        foreach (var candidate in boardNames)
        {
            if (!providers.TryParse(candidate, out var board, out var problem))
            {
                Console.Error.WriteLine($"error: {candidate}: {problem}");
                return IngestorCommandLine.UsageOrConfigurationError;
            }
            if (await SourceIdAsync(database, board) is not { } sourceId)
            {
                Console.Error.WriteLine($"error: no board {board} is registered (--boards lists them)");
                return IngestorCommandLine.UsageOrConfigurationError;
            }
            sourceIds.Add(sourceId);
        }

        var renormalizer = new Renormalizer(
            database, startup.Get<Lazy<PostingNormalizer>>().Value, new StoredJobSource(providers), TimeProvider.System);
        var clock = Stopwatch.StartNew();
        var report = await renormalizer.RunAsync(sourceIds, Renormalizer.DefaultBatchSize, batches: null,
            progress => output.WriteLine(
                $"renormalized {progress.Done} of {progress.Left} postings ({progress.Done / Math.Max(clock.Elapsed.TotalSeconds, 0.001):0}/s)"),
            cancellationToken);

        output.WriteLine(
            $"postings: {report.Rederived} re-derived with parser version {ParserVersion.Current} in {clock.Elapsed.TotalSeconds:0.0} s, " +
            $"{report.Changed} changed | by field: {string.Join(", ", report.ChangedByField.Select(f => $"{f.Field} {f.Postings}"))}");
        if (report.PayKeptFromRow > 0)
            output.WriteLine($"{report.PayKeptFromRow} postings kept the structured pay their row holds: their stored job (the list entry) does not hold the detail that states it");
        foreach (var (jobId, reason) in report.Unreadable)
            output.WriteLine($"{jobId}: not re-derived: {reason}");
        return report.Unreadable.Count == 0 ? IngestorCommandLine.Success : IngestorCommandLine.Failure;
    }

    private static async Task<Guid?> SourceIdAsync(NpgsqlDataSource database, BoardName board)
    {
        await using var connection = await database.OpenConnectionAsync();
        return await connection.QuerySingleOrDefaultAsync<Guid?>(
            "select source_id from boards where provider = @Provider and lower(board_token) = lower(@Token)", new { board.Provider, board.Token });
    }
}
