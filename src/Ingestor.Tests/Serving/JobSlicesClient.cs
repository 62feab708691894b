using System.Net;
using System.Text.Json.Nodes;

namespace Ingestor.Tests.Serving;

/// <summary>Reads slices through the API as a client would: one page, a whole walk following next_cursor, the facets.</summary>
public static class JobSlicesClient
{
    public const string Jobs = "/job-postings/v1/jobs";
    public const string Facets = "/job-postings/v1/jobs/facets";

    public static async Task<JsonObject> PageAsync(this TestReadApi api, string query)
    {
        using var response = await api.Client.GetAsync($"{Jobs}?{query}", TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{query}: {(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!.AsObject();
    }

    /// <summary>Every page of the slice in order, until a page has no next cursor; <paramref name="betweenPages"/> runs after each.</summary>
    public static async Task<IReadOnlyList<JsonObject>> WalkAsync(this TestReadApi api, string query, Func<Task>? betweenPages = null)
    {
        var records = new List<JsonObject>();
        for (var cursor = (string?)null; ;)
        {
            var page = await api.PageAsync(cursor is null ? query : $"{query}&cursor={Uri.EscapeDataString(cursor)}");
            records.AddRange(page["data"]!.AsArray().Select(record => record!.AsObject()));
            cursor = (string?)page["next_cursor"];
            if (cursor is null)
                return records;
            if (betweenPages is not null)
                await betweenPages();
        }
    }

    public static async Task<JsonObject> FacetsAsync(this TestReadApi api, string query) =>
        JsonNode.Parse(await api.Client.GetStringAsync($"{Facets}?{query}", TestContext.Current.CancellationToken))!.AsObject();

    public static IEnumerable<string> JobIds(this IEnumerable<JsonObject> records) => records.Select(record => (string)record["job_id"]!);
}
