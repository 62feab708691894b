using System.IO.Compression;

namespace Ingestor.Tests.Infrastructure;

public static class Payloads
{
    /// <summary>A sample board's payload as the wire carries it (decompressed).</summary>
    public static byte[] Board(string token) => Read(RepositoryPaths.GreenhouseBoard(token));

    public static byte[] Read(string path)
    {
        if (!path.EndsWith(".gz", StringComparison.Ordinal))
            return File.ReadAllBytes(path);
        using var gzip = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var body = new MemoryStream();
        gzip.CopyTo(body);
        return body.ToArray();
    }
}
