using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Ingestor.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace Ingestor.Tests.Serving;

/// <summary>A consumer of <c>GET /job-postings/v1/events</c>: a page at a time, or following <c>next_cursor</c> until it has caught up.</summary>
internal sealed class FeedConsumer(HttpClient client)
{
    public sealed record Page(IReadOnlyList<JsonObject> Data, string NextCursor);

    public sealed record Walk(IReadOnlyList<JsonObject> Events, IReadOnlyList<int> PageSizes, string NextCursor);

    /// <summary>One page; a parameter whose value is null is not sent.</summary>
    public async Task<Page> ReadAsync(params (string Name, string? Value)[] parameters)
    {
        var query = QueryString.Create(parameters.Where(p => p.Value is not null).Select(p => KeyValuePair.Create(p.Name, p.Value)));
        using var response = await client.GetAsync($"/job-postings/v1/events{query}", TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        var page = JsonNode.Parse(body)!.AsObject();
        Assert.Equal(["data", "next_cursor"], page.Select(field => field.Key));
        return new Page([.. page["data"]!.AsArray().Select(item => item!.AsObject())], (string)page["next_cursor"]!);
    }

    /// <summary>
    /// Follows the cursor from <paramref name="cursor"/> (the start when null) until a page comes back empty, failing at the
    /// first event served twice.
    /// </summary>
    public async Task<Walk> WalkAsync(string? cursor, int limit, params (string Name, string? Value)[] filters)
    {
        var events = new List<JsonObject>();
        var sizes = new List<int>();
        var seen = new HashSet<long>();
        while (true)
        {
            var page = await ReadAsync([.. filters, ("limit", limit.ToString()), ("cursor", cursor)]);
            Assert.True(page.Data.Count <= limit);
            Assert.All(Ids(page.Data), id => Assert.True(seen.Add(id), $"event {id} served twice"));
            cursor = page.NextCursor;
            if (page.Data.Count == 0)
                return new Walk(events, sizes, cursor);
            events.AddRange(page.Data);
            sizes.Add(page.Data.Count);
        }
    }

    /// <summary>
    /// Waits until every committed event is below the feed's watermark. It is the oldest transaction running anywhere on the
    /// server, and the other tests write to the same server, so a test that wants all its events served waits for theirs.
    /// </summary>
    public static async Task AllEventsBelowTheWatermarkAsync(TestIngestor ingestor)
    {
        var waited = Stopwatch.StartNew();
        while (!await ingestor.ScalarAsync<bool>("select not exists (select from job_events where txid >= pg_snapshot_xmin(pg_current_snapshot()))"))
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(30), "a transaction on the test server stayed open for 30 s");
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }

    public static IEnumerable<long> Ids(IEnumerable<JsonObject> events) => events.Select(e => (long)e["event_id"]!);
}
