using System.Text.Json.Nodes;

namespace Ingestor.Tests.Infrastructure;

/// <summary>Edits a board payload the way a board changes between polls: jobs retitled, removed, added; meta.total kept honest.</summary>
public sealed class BoardPayload(JsonObject root)
{
    public static BoardPayload Of(string sampleToken) => new(JsonNode.Parse(Payloads.Board(sampleToken))!.AsObject());

    public JsonArray Jobs => root["jobs"]!.AsArray();

    public JsonObject Job(long id) => Jobs.Select(j => j!.AsObject()).Single(j => (long)j["id"]! == id);

    public BoardPayload Edit(long id, Action<JsonObject> change)
    {
        change(Job(id));
        return this;
    }

    public BoardPayload Without(long id)
    {
        Jobs.Remove(Job(id));
        root["meta"]!["total"] = Jobs.Count;
        return this;
    }

    public BoardPayload DeclaringTotal(int total)
    {
        root["meta"]!["total"] = total;
        return this;
    }

    public BoardPayload Copy() => new(root.DeepClone().AsObject());

    public Reply Reply() => Infrastructure.Reply.Json(root.ToJsonString());
}
