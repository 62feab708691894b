using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Ingestor.Serving;

/// <summary>
/// A strong ETag made of the response body itself, so it changes exactly when the representation does (a new last-seen
/// time, a close, <c>?include=description</c>), and a 304 with no body when the client's <c>If-None-Match</c> already holds it.
/// </summary>
internal static class RepresentationTag
{
    public static IResult Json(HttpContext context, byte[] body)
    {
        var tag = new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(body).AsSpan(0, 16))}\"");
        context.Response.Headers.ETag = tag.ToString();
        var known = context.Request.GetTypedHeaders().IfNoneMatch;
        return known.Any(candidate => candidate.Equals(EntityTagHeaderValue.Any) || candidate.Compare(tag, useStrongComparison: false))
            ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
            : TypedResults.Bytes(body, "application/json");
    }
}
