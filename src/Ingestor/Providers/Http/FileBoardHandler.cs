using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;

namespace Ingestor.Providers.Http;

/// <summary>
/// Serves <c>file://</c> URLs from a folder laid out like the API (<c>v1/boards/fal/jobs.json</c>; the page of a paged list
/// at <c>offset=N</c> as <c>….offset-N.json</c>), so the same client,
/// pipeline and archive run offline against bundled payloads. A missing file answers 404, as Greenhouse does; a <c>.json.gz</c>
/// is served decompressed, as an HTTP client would receive it.
/// </summary>
public sealed class FileBoardHandler : HttpMessageHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = Uri.UnescapeDataString(request.RequestUri!.AbsolutePath);
        // A page of a paged list is a file of its own: postings?offset=20 is postings.offset-20.json.
        var page = OffsetOf(request.RequestUri.Query) is { } offset ? $"{path}.offset-{offset}.json" : null;
        var file = new[] { page, path, path + ".json", path + ".json.gz" }.FirstOrDefault(File.Exists);
        if (file is null)
            return Json(HttpStatusCode.NotFound, """{"status":404,"error":"Job not found"}"""u8.ToArray());
        if (!file.EndsWith(".gz", StringComparison.Ordinal))
            return Json(HttpStatusCode.OK, await File.ReadAllBytesAsync(file, cancellationToken));

        await using var compressed = File.OpenRead(file);
        await using var gzip = new GZipStream(compressed, CompressionMode.Decompress);
        using var body = new MemoryStream();
        await gzip.CopyToAsync(body, cancellationToken);
        return Json(HttpStatusCode.OK, body.ToArray());
    }

    private static string? OffsetOf(string query) =>
        query.TrimStart('?').Split('&').Select(pair => pair.Split('=', 2)).FirstOrDefault(pair => pair is ["offset", _])?[1];

    private static HttpResponseMessage Json(HttpStatusCode status, byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return new HttpResponseMessage(status) { Content = content };
    }
}
