namespace Ingestor.Archive;

public sealed class FileRawArchive(string root) : IRawArchive
{
    private const string PartialSuffix = ".partial";

    private readonly string _root = Path.GetFullPath(root);

    public async Task<string> StoreAsync(string key, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        var path = Path.Combine(_root, key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        if (!File.Exists(path))
        {
            // Written aside and renamed into place, so a reader never sees half a payload under the final name.
            var partial = $"{path}.{Guid.NewGuid():N}{PartialSuffix}";
            await using (var file = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
            {
                await file.WriteAsync(payload, cancellationToken);
                file.Flush(flushToDisk: true);
            }
            try
            {
                File.Move(partial, path, overwrite: false);
            }
            catch (IOException) when (File.Exists(path))
            {
                File.Delete(partial);
            }
        }
        return UriOf(key);
    }

    public Task<IReadOnlyList<string>> ListAsync(string prefix, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(_root, prefix);
        IReadOnlyList<string> keys = !Directory.Exists(folder)
            ? []
            : [.. Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
                .Where(path => !path.EndsWith(PartialSuffix, StringComparison.Ordinal))
                .Select(path => Path.GetRelativePath(_root, path).Replace(Path.DirectorySeparatorChar, '/'))
                .Order(StringComparer.Ordinal)];
        return Task.FromResult(keys);
    }

    public Task<byte[]> ReadAsync(string key, CancellationToken cancellationToken) => File.ReadAllBytesAsync(Path.Combine(_root, key), cancellationToken);

    public string UriOf(string key) => new Uri(Path.Combine(_root, key)).AbsoluteUri;
}
