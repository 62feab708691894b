namespace Ingestor.Archive;

/// <summary>Keeps archived objects as given. Storing the same key twice is harmless: keys name their content.</summary>
public interface IRawArchive
{
    /// <returns>The stored object's URI (<c>s3://bucket/key</c> or <c>file://…</c>), as <see cref="UriOf"/> names it.</returns>
    Task<string> StoreAsync(string key, ReadOnlyMemory<byte> stored, CancellationToken cancellationToken);

    /// <summary>Every key under <paramref name="prefix"/>, in ordinal order.</summary>
    Task<IReadOnlyList<string>> ListAsync(string prefix, CancellationToken cancellationToken);

    /// <summary>The object's bytes as stored; an object that is missing or cannot be read throws.</summary>
    Task<byte[]> ReadAsync(string key, CancellationToken cancellationToken);

    string UriOf(string key);
}
