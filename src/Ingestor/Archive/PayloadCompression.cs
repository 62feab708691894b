using System.Buffers;
using ZstdSharp;

namespace Ingestor.Archive;

/// <summary>
/// Archived payloads are zstd frames (level 3: about 7× smaller on HTML-heavy boards, at over 100 MB/s a core). The key's
/// <c>.json.zst</c> is all DuckDB, Athena or <c>zstdcat</c> need to read one; decompressed, it is the payload byte for byte.
/// </summary>
public static class PayloadCompression
{
    public const string Extension = ".json.zst";

    public const string ContentType = "application/zstd";

    private const int Level = 3;

    // A compressor holds a few megabytes of working memory: one a thread, reused.
    private static readonly ThreadLocal<Compressor> Compressors = new(() => new Compressor(Level));

    public static byte[] Compress(ReadOnlySpan<byte> payload)
    {
        // Into a pooled buffer of the worst case, then exactly what was written: no large array per payload for the GC.
        var buffer = ArrayPool<byte>.Shared.Rent(Compressor.GetCompressBound(payload.Length));
        try
        {
            var written = Compressors.Value!.Wrap(payload, buffer);
            return buffer.AsSpan(0, written).ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public static byte[] Decompress(ReadOnlySpan<byte> stored)
    {
        using var decompressor = new Decompressor();
        return decompressor.Unwrap(stored).ToArray();
    }
}
