using System.Globalization;
using System.Text.Json;

namespace Ingestor.Providers.Greenhouse;

/// <summary>
/// A board payload, <c>{"jobs": [...], "meta": {"total": N}}</c>. Jobs are listed by their integer id; the snapshot is
/// complete when every job could be read and there are as many as <c>meta.total</c> declares.
/// </summary>
internal static class GreenhousePayload
{
    public static BoardSnapshot Read(ReadOnlyMemory<byte> payload) => BoardSnapshot.Parse(payload, document =>
    {
        var root = document.RootElement;
        var list = BoardSnapshot.JobsOf(root);
        var declared = root.Property("meta")?.Int64("total") is { } total ? (int)Math.Clamp(total, 0, int.MaxValue) : (int?)null;
        return BoardSnapshot.List(document, list, KeyOf, declared);
    });

    /// <summary>A job's integer id, sent as a number or a string, as text.</summary>
    public static string? KeyOf(JsonElement job) => job.Int64("id")?.ToString(CultureInfo.InvariantCulture);
}
