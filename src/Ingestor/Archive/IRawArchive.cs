namespace Ingestor.Archive;

/// <summary>Keeps archived payloads as given. Storing the same key twice is harmless: keys name their content.</summary>
public interface IRawArchive
{
    /// <returns>The stored object's URI (<c>s3://bucket/key</c> or <c>file://…</c>).</returns>
    Task<string> StoreAsync(string key, ReadOnlyMemory<byte> stored, CancellationToken cancellationToken);
}
