namespace Ingestor.Archive;

public sealed class FileRawArchive(string root) : IRawArchive
{
    private readonly string _root = Path.GetFullPath(root);

    public async Task<string> StoreAsync(string key, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        var path = Path.Combine(_root, key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        if (!File.Exists(path))
        {
            // Written aside and renamed into place, so a reader never sees half a payload under the final name.
            var partial = $"{path}.{Guid.NewGuid():N}.partial";
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
        return new Uri(path).AbsoluteUri;
    }
}
