using System.Buffers.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ingestor.Serving.Feed;

/// <summary>
/// Where a consumer of the change feed stands: after the event <see cref="EventId"/> of the transaction <see cref="Txid"/>, in
/// the feed's (txid, event_id) order, reading the events of one type and provider or all. The filters travel with the position
/// because the feed moves a cursor past events the filters left out: a cursor reused with other filters would skip events, so
/// it is refused instead. Clients see it as opaque base64url text.
/// </summary>
internal sealed record FeedCursor(ulong Txid, long EventId, string? EventType, string? Provider)
{
    private static readonly JsonSerializerOptions Format = new(JsonSerializerDefaults.Web)
    {
        RespectRequiredConstructorParameters = true,
        RespectNullableAnnotations = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>Before the first event the filters select.</summary>
    public static FeedCursor Start(string? eventType, string? provider) => new(0, 0, eventType, provider);

    public bool IsFor(string? eventType, string? provider) => EventType == eventType && Provider == provider;

    /// <summary>This cursor moved up to (<paramref name="txid"/>, <paramref name="eventId"/>), unless it stands there or later already.</summary>
    public FeedCursor AtLeast(ulong txid, long eventId) =>
        (txid, eventId).CompareTo((Txid, EventId)) > 0 ? this with { Txid = txid, EventId = eventId } : this;

    public string Encode() => Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(this, Format));

    public static bool TryDecode(string text, out FeedCursor cursor)
    {
        cursor = Start(null, null);
        try
        {
            if (JsonSerializer.Deserialize<FeedCursor>(Base64Url.DecodeFromChars(text), Format) is not { EventId: >= 0 } decoded)
                return false;
            cursor = decoded;
            return true;
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return false;
        }
    }
}
