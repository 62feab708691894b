using System.Text.Json;

namespace Ingestor.Providers.Ashby;

/// <summary>
/// A job board payload of Ashby's posting API, <c>{"apiVersion": "1", "jobs": [...]}</c>. Jobs are listed by their UUID. The
/// API declares no count and does not page: a parsable list is the whole board. A job with <c>isListed: false</c> is no
/// public posting and is left out without making the snapshot incomplete.
/// </summary>
internal static class AshbyPayload
{
    public static BoardSnapshot Read(ReadOnlyMemory<byte> payload) => BoardSnapshot.Parse(payload, document =>
        BoardSnapshot.List(document, BoardSnapshot.JobsOf(document.RootElement), KeyOf, declaredTotal: null, IsListed));

    public static string? KeyOf(JsonElement job) => job.String("id")?.Trim() is { Length: > 0 } id ? id : null;

    // Only an explicit false hides a job: a payload without the flag lists public postings only.
    private static bool IsListed(JsonElement job) => job.Property("isListed")?.ValueKind != JsonValueKind.False;
}
