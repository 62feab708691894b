using System.IO.Compression;

namespace Ingestor.Providers.Http;

/// <summary>
/// One GET of a provider's API as every provider sends it: compressed on the wire when the server will, conditional when
/// validators are known, the body read decoded and capped, and the response's validators and encoding kept for the poll.
/// </summary>
public static class BoardRequest
{
    public static async Task<BoardResponse> GetAsync(
        HttpClient http, ProviderHttpOptions options, string settingsSection, Uri url, BoardValidators? validators, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.AcceptEncoding.ParseAdd("gzip, br");
        if (validators?.ETag is { } etag)
            request.Headers.TryAddWithoutValidation("If-None-Match", etag);
        if (validators?.LastModified is { } lastModified)
            request.Headers.TryAddWithoutValidation("If-Modified-Since", lastModified);

        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        var encoding = response.Content.Headers.ContentEncoding.Count == 0 ? null : string.Join(", ", response.Content.Headers.ContentEncoding);
        var cap = new PayloadCap(options.MaxPayloadBytes, $"{settingsSection}:MaxPayloadBytes");
        var body = await ReadCappedAsync(response.Content, encoding, cap, options.AttemptTimeout, cancellationToken);
        return new BoardResponse(
            response.StatusCode, body, Truncate(clock.GetUtcNow()),
            ETag: response.Headers.ETag?.ToString(),
            LastModified: response.Content.Headers.LastModified?.ToString("R"),
            ContentEncoding: encoding);
    }

    /// <summary>The base URL with the relative path appended, whatever the base's trailing slash.</summary>
    public static Uri Resolve(Uri baseUrl, string relative) =>
        new(baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/"), relative);

    private sealed record PayloadCap(long Bytes, string Setting);

    /// <summary>Reads the body decoded; the cap applies to the decoded bytes, so a small body cannot inflate past it.</summary>
    private static async Task<byte[]> ReadCappedAsync(
        HttpContent content, string? encoding, PayloadCap cap, TimeSpan attemptTimeout, CancellationToken cancellationToken)
    {
        if (encoding is null && content.Headers.ContentLength > cap.Bytes)
            throw new PayloadTooLargeException(cap.Bytes, cap.Setting);

        // The handler pipeline's timeouts end with the headers; the body gets one attempt's time of its own.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(attemptTimeout);
        await using var received = await content.ReadAsStreamAsync(timeout.Token);
        await using var stream = Decoded(received, encoding);
        // Sized from Content-Length when the body comes as it is: read in place, with no growing and no copy at the end.
        var expected = encoding is null && content.Headers.ContentLength is { } length ? (int)length : 0;
        using var buffer = new MemoryStream(expected);
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, timeout.Token)) > 0)
        {
            if (buffer.Length + read > cap.Bytes)
                throw new PayloadTooLargeException(cap.Bytes, cap.Setting);
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

    // Millisecond precision: the archive key names the instant to the millisecond, and the database keeps microseconds.
    private static DateTimeOffset Truncate(DateTimeOffset time) => new(time.Ticks - time.Ticks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);
}
