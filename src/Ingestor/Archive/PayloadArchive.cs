using System.Globalization;
using Dapper;
using Ingestor.Storage;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Ingestor.Archive;

/// <summary>
/// Archives a board's payload once per board, day and content: compressed, under a key naming when it was first seen that day
/// and its SHA-256. The same bytes seen again that day point at the object already there (<c>archived_payloads</c> indexes
/// them); a new day writes a new object, so each date partition holds every payload its day received.
/// </summary>
public sealed class PayloadArchive(IRawArchive archive, [FromKeyedServices(PayloadArchive.Connections)] NpgsqlDataSource database, TimeProvider clock)
{
    /// <summary>The key of the archive's own connections to PostgreSQL, apart from the polls' (ArchiveRegistration).</summary>
    public const string Connections = "archive";

    /// <param name="StoredBytes">What this call wrote to the archive (compressed): 0 when the object was there already.</param>
    public sealed record Archived(string Uri, long StoredBytes);

    /// <exception cref="ArchiveFailedException">The payload could not be archived or indexed.</exception>
    public async Task<Archived> ArchiveAsync(BoardRef board, ReadOnlyMemory<byte> payload, string sha256, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        try
        {
            return await StoreAsync(board, payload, sha256, receivedAt, cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ArchiveFailedException("the payload", e);
        }
    }

    private async Task<Archived> StoreAsync(BoardRef board, ReadOnlyMemory<byte> payload, string sha256, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        var day = receivedAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        // A connection is held for each statement alone, not while the payload is compressed and written.
        string? existing;
        await using (var connection = await database.OpenConnectionAsync(cancellationToken))
            existing = await connection.QuerySingleOrDefaultAsync<string>(
                "select uri from archived_payloads where source_id = @SourceId and day = @Day::date and sha256 = @Sha256",
                new { board.SourceId, Day = day, Sha256 = sha256 });
        if (existing is not null)
            return new Archived(existing, 0);

        using var stored = PayloadCompression.Compress(payload.Span);
        var uri = await archive.StoreAsync(ArchiveKey.For(board.Provider, board.BoardToken, receivedAt, sha256), stored.Bytes, cancellationToken);
        // Two polls racing with the same new bytes both write an object; the index keeps the first, and both polls name it.
        await using var indexing = await database.OpenConnectionAsync(cancellationToken);
        var indexed = await indexing.ExecuteScalarAsync<string>(
            """
            insert into archived_payloads (source_id, day, sha256, uri, payload_bytes, stored_bytes, archived_at)
            values (@SourceId, @Day::date, @Sha256, @Uri, @PayloadBytes, @StoredBytes, @ArchivedAt)
            on conflict (source_id, day, sha256) do update set uri = archived_payloads.uri
            returning uri
            """,
            new { board.SourceId, Day = day, Sha256 = sha256, Uri = uri, PayloadBytes = (long)payload.Length, StoredBytes = (long)stored.Bytes.Length, ArchivedAt = clock.GetUtcNow() });
        return new Archived(indexed!, stored.Bytes.Length);
    }

    /// <summary>Keeps a poll record (<see cref="ArchivedPoll"/>) in the partition of the day it was observed.</summary>
    /// <exception cref="ArchiveFailedException">The record could not be stored.</exception>
    public async Task RecordPollAsync(BoardRef board, ArchivedPoll poll, CancellationToken cancellationToken)
    {
        try
        {
            await archive.StoreAsync(ArchiveKey.ForPoll(board.Provider, board.BoardToken, poll.ObservedAt, poll.PayloadSha256), poll.ToJson(), cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ArchiveFailedException("the poll's record", e);
        }
    }
}
