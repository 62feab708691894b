using System.Buffers;
using Microsoft.Extensions.ObjectPool;
using ZstdNet;

namespace Ingestor.Archive;

/// <summary>
/// Archived payloads are zstd frames (level 3: about 7× smaller on HTML-heavy boards), written by the native library ZstdNet
/// carries: 265 MB/s a core, about twice what the managed port did in a fresh process. The key's
/// <c>.json.zst</c> is all DuckDB, Athena or <c>zstdcat</c> need to read one; decompressed, it is the payload byte for byte.
/// </summary>
public static class PayloadCompression
{
    public const string Extension = ".json.zst";

    public const string ContentType = "application/zstd";

    private static readonly CompressionOptions LevelThree = new(3);

    // A compressor holds over a megabyte of native working memory once used: as many are kept as there are cores to run
    // them, not one for each of the service's twenty-odd threads.
    private static readonly ObjectPool<Compressor> Compressors =
        new DefaultObjectPoolProvider { MaximumRetained = Environment.ProcessorCount }.Create(new CompressorPolicy());

    // An output buffer is as large as its payload, so a pool of their own keeps at most as many of each size as there are
    // cores. The shared pool keeps one of each size for every thread that gave one back: with JSON parsing's buffers, the
    // service's threads held 133 MB of idle payload-sized arrays in a re-serialized sweep of the mix (dotnet-gcdump).
    private static readonly ArrayPool<byte> Buffers = ArrayPool<byte>.Create(64 * 1024 * 1024, Environment.ProcessorCount);

    /// <summary>
    /// Compresses into a pooled buffer, which the result returns when disposed: archiving a payload leaves no array of its
    /// compressed size for the GC to collect (on the large-object heap from about 600 KB of payload).
    /// </summary>
    public static Compressed Compress(ReadOnlySpan<byte> payload)
    {
        var buffer = Buffers.Rent(Compressor.GetCompressBound(payload.Length));
        var compressor = Compressors.Get();
        try
        {
            return new Compressed(buffer, compressor.Wrap(payload, buffer.AsSpan()));
        }
        catch
        {
            Buffers.Return(buffer);
            throw;
        }
        finally
        {
            Compressors.Return(compressor);
        }
    }

    /// <summary>A compressed payload, valid until disposed.</summary>
    public sealed class Compressed(byte[] buffer, int length) : IDisposable
    {
        private byte[]? _buffer = buffer;

        public ReadOnlyMemory<byte> Bytes => (_buffer ?? throw new ObjectDisposedException(nameof(Compressed))).AsMemory(0, length);

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _buffer, null) is { } returned)
                Buffers.Return(returned);
        }
    }

    private sealed class CompressorPolicy : PooledObjectPolicy<Compressor>
    {
        public override Compressor Create() => new(LevelThree);

        public override bool Return(Compressor compressor) => true;
    }

    public static byte[] Decompress(ReadOnlySpan<byte> stored)
    {
        using var decompressor = new Decompressor();
        return decompressor.Unwrap(stored);
    }
}
