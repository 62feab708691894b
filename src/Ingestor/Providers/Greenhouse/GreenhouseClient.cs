using System.IO.Compression;
using System.Net.Http.Headers;
using Microsoft.Extensions.Options;

namespace Ingestor.Providers.Greenhouse;

/// <summary>
/// Fetches a board's jobs with content, compressed on the wire when the server will, and conditionally when the board's last
/// response carried validators. Retries, timeouts and the circuit breaker live in the client's handler pipeline.
/// </summary>
public sealed class GreenhouseClient(HttpClient http, IOptions<GreenhouseOptions> options, TimeProvider clock)
{
    public async Task<BoardResponse> GetJobsAsync(string boardToken, BoardValidators? validators, CancellationToken cancellationToken)
    {
        var token = BoardToken.Normalize(boardToken);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(WithTrailingSlash(options.Value.BaseUrl!), $"v1/boards/{token}/jobs?content=true"));
        request.Headers.AcceptEncoding.ParseAdd("gzip, br");
        if (validators?.ETag is { } etag)
            request.Headers.TryAddWithoutValidation("If-None-Match", etag);
        if (validators?.LastModified is { } lastModified)
            request.Headers.TryAddWithoutValidation("If-Modified-Since", lastModified);

        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        var encoding = response.Content.Headers.ContentEncoding.Count == 0 ? null : string.Join(", ", response.Content.Headers.ContentEncoding);
        var body = await ReadCappedAsync(response.Content, encoding, options.Value.MaxPayloadBytes, cancellationToken);
        return new BoardResponse(
            response.StatusCode, body, Truncate(clock.GetUtcNow()),
            ETag: response.Headers.ETag?.ToString(),
            LastModified: response.Content.Headers.LastModified?.ToString("R"),
            ContentEncoding: encoding);
    }

    /// <summary>Reads the body decoded; the cap applies to the decoded bytes, so a small body cannot inflate past it.</summary>
    private async Task<byte[]> ReadCappedAsync(HttpContent content, string? encoding, long limit, CancellationToken cancellationToken)
    {
        if (encoding is null && content.Headers.ContentLength > limit)
            throw new PayloadTooLargeException(limit);

        // The handler pipeline's timeouts end with the headers; the body gets one attempt's time of its own.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.AttemptTimeout);
        await using var received = await content.ReadAsStreamAsync(timeout.Token);
        await using var stream = Decoded(received, encoding);
        // Sized from Content-Length when the body comes as it is: read in place, with no growing and no copy at the end.
        var expected = encoding is null && content.Headers.ContentLength is { } length ? (int)length : 0;
        using var buffer = new MemoryStream(expected);
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, timeout.Token)) > 0)
        {
            if (buffer.Length + read > limit)
                throw new PayloadTooLargeException(limit);
            buffer.Write(chunk, 0, read);
        }
        return buffer.Length == buffer.Capacity ? buffer.GetBuffer() : buffer.ToArray();
    }

    private static Stream Decoded(Stream received, string? encoding) => encoding?.ToLowerInvariant() switch
    {
        null or "identity" => received,
        "gzip" or "x-gzip" => new GZipStream(received, CompressionMode.Decompress),
        "br" => new BrotliStream(received, CompressionMode.Decompress),
        "deflate" => new ZLibStream(received, CompressionMode.Decompress),
        _ => throw new MalformedPayloadException($"the payload came in an encoding we did not ask for (Content-Encoding: {encoding})"),
    };

    private static Uri WithTrailingSlash(Uri baseUrl) =>
        baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/");

    // Millisecond precision: the archive key names the instant to the millisecond, and the database keeps microseconds.
    private static DateTimeOffset Truncate(DateTimeOffset time) => new(time.Ticks - time.Ticks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);
}
