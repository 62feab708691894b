using System.Net;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Amazon.S3;
using Amazon.S3.Model;

namespace Ingestor.Archive;

public sealed class S3RawArchive(IAmazonS3 s3, string bucket) : IRawArchive
{
    public async Task<string> StoreAsync(string key, ReadOnlyMemory<byte> stored, CancellationToken cancellationToken)
    {
        var request = new PutObjectRequest
        {
            BucketName = bucket,
            Key = key,
            InputStream = ReadOnly(stored),
            // No Content-Encoding: clients that decode on the fly would hand back other bytes than the object holds.
            ContentType = key.EndsWith(PayloadCompression.Extension, StringComparison.Ordinal) ? PayloadCompression.ContentType : "application/json",
            // The server checks the bytes it received against this digest and refuses a corrupted upload.
            MD5Digest = Convert.ToBase64String(MD5.HashData(stored.Span)),
            // Plain body: some S3-compatible servers would store aws-chunked framing as part of the object.
            UseChunkEncoding = false,
            // Put-if-absent: a retried poll finds its payload already there, which is success.
            IfNoneMatch = "*",
        };
        try
        {
            await s3.PutObjectAsync(request, cancellationToken);
        }
        // 412 from S3 when the key exists; 409 from stores that report a concurrent conditional write that way.
        catch (AmazonS3Exception e) when (e.StatusCode is HttpStatusCode.PreconditionFailed or HttpStatusCode.Conflict)
        {
        }
        return UriOf(key);
    }

    public async Task<IReadOnlyList<string>> ListAsync(string prefix, CancellationToken cancellationToken)
    {
        var keys = new List<string>();
        await foreach (var stored in s3.Paginators.ListObjectsV2(new ListObjectsV2Request { BucketName = bucket, Prefix = prefix }).S3Objects.WithCancellation(cancellationToken))
            keys.Add(stored.Key);
        return [.. keys.Order(StringComparer.Ordinal)];
    }

    public async Task<byte[]> ReadAsync(string key, CancellationToken cancellationToken)
    {
        using var response = await s3.GetObjectAsync(bucket, key, cancellationToken);
        using var body = new MemoryStream();
        await response.ResponseStream.CopyToAsync(body, cancellationToken);
        return body.ToArray();
    }

    public string UriOf(string key) => $"s3://{bucket}/{key}";

    /// <summary>A stream over the bytes where they are, not over a copy: a payload is not held twice while it uploads.</summary>
    private static MemoryStream ReadOnly(ReadOnlyMemory<byte> bytes) =>
        MemoryMarshal.TryGetArray(bytes, out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(bytes.ToArray(), writable: false);
}
