using System.Text.Json;
using System.Text.Json.Nodes;

namespace Ingestor.Tests.Providers;

/// <summary>A job object as another serializer might send it: the same values, the keys of every object in reverse order.</summary>
internal static class ReversedKeys
{
    public static JsonElement Of(JsonElement element) => JsonSerializer.SerializeToElement(Reversed(JsonNode.Parse(element.GetRawText())));

    private static JsonNode? Reversed(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.Reverse().Select(p => KeyValuePair.Create(p.Key, Reversed(p.Value)))),
        JsonArray array => new JsonArray([.. array.Select(Reversed)]),
        _ => node?.DeepClone(),
    };
}
