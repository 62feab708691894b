using Microsoft.Extensions.Options;

namespace Ingestor.Greenhouse;

/// <summary>Fetches a board's jobs with content. Retries, timeouts and the circuit breaker live in the client's handler pipeline.</summary>
public sealed class GreenhouseClient(HttpClient http, IOptions<GreenhouseOptions> options, TimeProvider clock)
{
    /// <summary>The provider's name in job ids, archive keys and the boards table.</summary>
    public const string Provider = "greenhouse";

    public async Task<BoardResponse> GetJobsAsync(string boardToken, CancellationToken cancellationToken)
    {
        var token = BoardToken.Normalize(boardToken);
        var uri = new Uri(WithTrailingSlash(options.Value.BaseUrl!), $"v1/boards/{token}/jobs?content=true");
        using var response = await http.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        var body = await ReadCappedAsync(response.Content, options.Value.MaxPayloadBytes, cancellationToken);
        return new BoardResponse(response.StatusCode, body, Truncate(clock.GetUtcNow()));
    }

    private async Task<byte[]> ReadCappedAsync(HttpContent content, long limit, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength > limit)
            throw new PayloadTooLargeException(limit);

        // The handler pipeline's timeouts end with the headers; the body gets one attempt's time of its own.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.AttemptTimeout);
        await using var stream = await content.ReadAsStreamAsync(timeout.Token);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, timeout.Token)) > 0)
        {
            if (buffer.Length + read > limit)
                throw new PayloadTooLargeException(limit);
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static Uri WithTrailingSlash(Uri baseUrl) =>
        baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/");

    // Millisecond precision: the archive key names the instant to the millisecond, and the database keeps microseconds.
    private static DateTimeOffset Truncate(DateTimeOffset time) => new(time.Ticks - time.Ticks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);
}
