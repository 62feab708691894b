using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using System.Runtime.InteropServices;
using Npgsql;
using NpgsqlTypes;

namespace Ingestor.Benchmarks.Farm;

/// <summary>
/// What a first sweep of the farm cannot cost less than, measured on this machine in the same run: fetching every payload,
/// parsing and hashing it (and each job) on both cores, writing the payloads to a folder, and binary COPY of the rows
/// (ids, hashes, title, description, native JSON) and their events, a transaction a board as the product commits them.
/// </summary>
internal sealed record Floors(TimeSpan Fetch, TimeSpan ParseAndHash, TimeSpan ArchiveWrite, TimeSpan Copy)
{
    public TimeSpan Sum => Fetch + ParseAndHash + ArchiveWrite + Copy;

    private const int Concurrency = 4;

    public static async Task<Floors> MeasureAsync(BoardFarm farm, string connectionString, string folder)
    {
        using var http = new HttpClient();
        var payloads = new byte[farm.Boards][];
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, farm.Boards), new ParallelOptions { MaxDegreeOfParallelism = Concurrency }, async (board, token) =>
            payloads[board] = await http.GetByteArrayAsync(new Uri(farm.BaseUrl, $"v1/boards/{BoardFarm.Token(board)}/jobs?content=true"), token));
        var fetch = clock.Elapsed;

        clock.Restart();
        Parallel.For(0, farm.Boards, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, board => ParseAndHashBoard(payloads[board]));
        var parseAndHash = clock.Elapsed;

        Directory.CreateDirectory(folder);
        clock.Restart();
        await Parallel.ForEachAsync(Enumerable.Range(0, farm.Boards), new ParallelOptions { MaxDegreeOfParallelism = Concurrency }, async (board, token) =>
        {
            await using var file = new FileStream(Path.Combine(folder, $"{board}.json"), FileMode.Create, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous);
            await file.WriteAsync(payloads[board], token);
            file.Flush(flushToDisk: true);
        });
        var archiveWrite = clock.Elapsed;
        // The rows the product would write for a first sweep, built untimed: only writing them is the floor.
        var rows = payloads.Select((payload, board) => Rows(board, payload)).ToArray();
        Array.Clear(payloads);

        await using var database = NpgsqlDataSource.Create(connectionString);
        await using (var setup = database.CreateCommand(
            """
            create table floor_postings (job_id text primary key, source_id uuid not null, provider_job_key text not null, content_hash text not null,
                source_hash text not null, title text not null, description_html text, description_text text, native jsonb not null);
            create table floor_events (event_id bigint generated always as identity primary key, job_id text not null, poll_id uuid not null,
                event_type text not null, occurred_at timestamptz not null, content_hash text not null, source_hash text not null,
                status_after text not null, raw_payload_uri text not null);
            """))
            await setup.ExecuteNonQueryAsync();
        clock.Restart();
        await Parallel.ForEachAsync(Enumerable.Range(0, farm.Boards), new ParallelOptions { MaxDegreeOfParallelism = Concurrency }, async (board, token) =>
            await CopyAsync(database, rows[board], token));
        var copy = clock.Elapsed;
        await using (var drop = database.CreateCommand("drop table floor_postings; drop table floor_events"))
            await drop.ExecuteNonQueryAsync();
        return new Floors(fetch, parseAndHash, archiveWrite, copy);
    }

    private sealed record Row(string JobId, string Key, string Hash, string Title, string? Description, string Native);

    /// <summary>Parse the payload, hash it and each job as sent, and decode each description: what every new payload needs.</summary>
    private static void ParseAndHashBoard(byte[] payload)
    {
        SHA256.HashData(payload);
        using var document = JsonDocument.Parse(payload);
        Span<byte> hash = stackalloc byte[32];
        foreach (var job in document.RootElement.GetProperty("jobs").EnumerateArray())
        {
            SHA256.HashData(JsonMarshal.GetRawUtf8Value(job), hash);
            if (job.TryGetProperty("content", out var content))
                WebUtility.HtmlDecode(content.GetString());
        }
    }

    private static List<Row> Rows(int board, byte[] payload)
    {
        using var document = JsonDocument.Parse(payload);
        var rows = new List<Row>();
        foreach (var job in document.RootElement.GetProperty("jobs").EnumerateArray())
        {
            var key = job.GetProperty("id").GetRawText();
            var native = job.GetRawText();
            var hash = Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(native)));
            var description = job.TryGetProperty("content", out var content) ? WebUtility.HtmlDecode(content.GetString()) : null;
            var jobId = Convert.ToHexStringLower(SHA1.HashData(System.Text.Encoding.UTF8.GetBytes($"greenhouse|{BoardFarm.Token(board)}|{key}")));
            rows.Add(new Row(jobId, key, hash, job.GetProperty("title").GetString() ?? "", description, native));
        }
        return rows;
    }

    private static async Task CopyAsync(NpgsqlDataSource database, List<Row> rows, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var source = Guid.NewGuid();
        var poll = Guid.CreateVersion7();
        await using (var postings = await connection.BeginBinaryImportAsync(
            "copy floor_postings (job_id, source_id, provider_job_key, content_hash, source_hash, title, description_html, description_text, native) from stdin (format binary)",
            cancellationToken))
        {
            foreach (var row in rows)
            {
                await postings.StartRowAsync(cancellationToken);
                await postings.WriteAsync(row.JobId, NpgsqlDbType.Text, cancellationToken);
                await postings.WriteAsync(source, NpgsqlDbType.Uuid, cancellationToken);
                await postings.WriteAsync(row.Key, NpgsqlDbType.Text, cancellationToken);
                await postings.WriteAsync(row.Hash, NpgsqlDbType.Text, cancellationToken);
                await postings.WriteAsync(row.Hash, NpgsqlDbType.Text, cancellationToken);
                await postings.WriteAsync(row.Title, NpgsqlDbType.Text, cancellationToken);
                foreach (var text in new[] { row.Description, row.Description })
                    if (text is null)
                        await postings.WriteNullAsync(cancellationToken);
                    else
                        await postings.WriteAsync(text, NpgsqlDbType.Text, cancellationToken);
                await postings.WriteAsync(row.Native, NpgsqlDbType.Jsonb, cancellationToken);
            }
            await postings.CompleteAsync(cancellationToken);
        }
        await using (var events = await connection.BeginBinaryImportAsync(
            "copy floor_events (job_id, poll_id, event_type, occurred_at, content_hash, source_hash, status_after, raw_payload_uri) from stdin (format binary)",
            cancellationToken))
        {
            foreach (var row in rows)
            {
                await events.StartRowAsync(cancellationToken);
                await events.WriteAsync(row.JobId, NpgsqlDbType.Text, cancellationToken);
                await events.WriteAsync(poll, NpgsqlDbType.Uuid, cancellationToken);
                await events.WriteAsync("opened", NpgsqlDbType.Text, cancellationToken);
                await events.WriteAsync(DateTime.UtcNow, NpgsqlDbType.TimestampTz, cancellationToken);
                await events.WriteAsync(row.Hash, NpgsqlDbType.Text, cancellationToken);
                await events.WriteAsync(row.Hash, NpgsqlDbType.Text, cancellationToken);
                await events.WriteAsync("active", NpgsqlDbType.Text, cancellationToken);
                await events.WriteAsync("file:///archive/raw/provider=greenhouse/board=farm/date=2026-06-06/payload.json.zst", NpgsqlDbType.Text, cancellationToken);
            }
            await events.CompleteAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }
}
