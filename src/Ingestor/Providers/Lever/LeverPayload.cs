using System.Text.Json;

namespace Ingestor.Providers.Lever;

/// <summary>
/// A site's postings from Lever's postings API v0: a bare JSON array of postings, listed by their UUID. Lever declares no
/// count; one request without <c>skip</c>/<c>limit</c> gives the whole site, so a parsable array is complete.
/// </summary>
internal static class LeverPayload
{
    public static BoardSnapshot Read(ReadOnlyMemory<byte> payload) => BoardSnapshot.Parse(payload, document =>
    {
        var root = document.RootElement;
        // An unknown site answers {"ok": false, "error": "Document not found"}, which must not read as an empty board.
        if (root.ValueKind == JsonValueKind.Object && root.String("error") is { } error)
            throw new MalformedPayloadException($"the payload is an error, not a list of postings: {error}");
        if (root.ValueKind != JsonValueKind.Array)
            throw new MalformedPayloadException($"the payload is a JSON {root.ValueKind.ToString().ToLowerInvariant()}, not an array of postings");
        return BoardSnapshot.List(document, root, KeyOf, declaredTotal: null);
    });

    public static string? KeyOf(JsonElement job) => job.String("id")?.Trim() is { Length: > 0 } id ? id : null;
}
