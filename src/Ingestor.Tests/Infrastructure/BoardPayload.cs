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

    /// <summary>The job closed and opened again as a new requisition: a new id, URL, requisition number and dates; the rest as it was.</summary>
    public BoardPayload Reposted(long id, long newId)
    {
        var job = Job(id);
        job["id"] = newId;
        job["absolute_url"] = ((string?)job["absolute_url"])?.Replace(id.ToString(System.Globalization.CultureInfo.InvariantCulture), newId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        job["internal_job_id"] = newId + 1;
        job["requisition_id"] = $"R-{newId}";
        job["updated_at"] = "2026-06-10T09:00:00-04:00";
        job["first_published"] = "2026-06-10T09:00:00-04:00";
        return this;
    }

    public BoardPayload DeclaringTotal(int total)
    {
        root["meta"]!["total"] = total;
        return this;
    }

    public BoardPayload Copy() => new(root.DeepClone().AsObject());

    public Reply Reply() => Infrastructure.Reply.Json(root.ToJsonString());

    /// <summary>The same postings in other bytes: the jobs in reverse order, indented, every character beyond ASCII escaped.</summary>
    public Reply Reserialized()
    {
        var reordered = root.DeepClone().AsObject();
        var jobs = reordered["jobs"]!.AsArray();
        var reversed = jobs.Select(job => job!.DeepClone()).Reverse().ToList();
        jobs.Clear();
        foreach (var job in reversed)
            jobs.Add(job);
        return Infrastructure.Reply.Json(reordered.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
    }
}
