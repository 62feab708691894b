using System.Net;
using System.Text.Json.Nodes;
using Ingestor.Tests.Infrastructure;

namespace Ingestor.Tests.Serving;

/// <summary><c>GET /jobs/{job_id}</c>, the output record's page, over the fal fixture ingested through the real pipeline.</summary>
public sealed class RecordPageTests(TestServers servers)
{
    private const string FalBackendId = ServedFal.BackendId;
    private const string FalBackendPage = $"/jobs/{FalBackendId}";
    private const string Title = "Senior Software Engineer, Backend";

    private static readonly string[] StructuredFields = ["event_fields", "parsed", "extensions", "native"];

    [Fact]
    public async Task TheFalRecordPageShowsTheOutputRecordsSectionsWithItsValues()
    {
        await using var fal = await ServedFal.StartAsync(servers, ServedFal.AtTheRecordedPoll());
        var (api, poll, orgId, sourceId) = (fal.Api, fal.Polls.Single(), fal.OrgId, fal.SourceId);
        var record = JsonNode.Parse(await api.Client.GetStringAsync($"/job-postings/v1/jobs/{FalBackendId}?include=description", TestContext.Current.CancellationToken))!.AsObject();

        using var page = await HtmlPages.GetAsync(api.Client, FalBackendPage);

        Assert.Equal(HttpStatusCode.OK, page.Response.StatusCode);
        Assert.Equal("text/html", page.Response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith(Title, page.Document.Title);
        Assert.Equal(Title, HtmlPages.Text(page.Document.QuerySelector("h1")!));
        var crumbs = page.Document.QuerySelectorAll("nav[aria-label=Breadcrumb] li").ToList();
        Assert.Equal(["Home", "Companies", "fal", Title], crumbs.Select(HtmlPages.Text));
        Assert.Equal(["/", null, $"/jobs?org_id={orgId}", null], crumbs.Select(c => c.QuerySelector("a")?.GetAttribute("href")));
        Assert.Equal("Fal · San Francisco · Active · $180,000–$250,000 / year · Greenhouse", HtmlPages.Text(page.Document.QuerySelector(".summary")!));

        Assert.Equal(new Dictionary<string, string>
        {
            ["Company"] = "Fal",
            ["Title"] = Title,
            ["Normalized title"] = "Software Engineer, Backend",
            ["Department / team"] = "Engineering",
            ["Location"] = "San Francisco, CA, United States",
            ["Work model"] = "—",
            ["Employment type"] = "—",
            ["Salary"] = "$180,000–$250,000 / year",
            ["Status"] = "active",
            ["ATS provider"] = "Greenhouse",
            ["Posted / first seen"] = "2025-07-21 / 2026-06-06",
            ["Changed / last seen"] = "2026-06-06 / 2026-06-06",
        }, HtmlPages.Fields(page.Section("facts").QuerySelector("table")!));

        var slices = page.Section("slices").QuerySelectorAll("tbody tr")
            .ToDictionary(row => HtmlPages.Text(row.Children[0]), row => row.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal(new Dictionary<string, string?>
        {
            ["Company jobs"] = $"/jobs?org_id={orgId}",
            ["Company breakdowns"] = $"/jobs?org_id={orgId}#facets",
            ["ATS provider jobs"] = "/jobs?provider=greenhouse",
            ["Provider filtered search"] = "/job-postings/v1/jobs?provider=greenhouse",
            ["City jobs"] = "/jobs?city=San%20Francisco",
            ["Department jobs"] = "/jobs?department=Engineering",
            ["Lifecycle events"] = "#events",
            ["Original posting"] = "https://job-boards.greenhouse.io/fal/jobs/4009193009",
        }, slices);

        var opened = Assert.Single(page.Section("events").QuerySelectorAll("tbody tr"));
        Assert.Equal(["2026-06-06 18:41:04Z", "opened", "active", "—", "—", poll.RawPayloadUri], opened.Children.Select(HtmlPages.Text));

        var linked = page.Section("linked").QuerySelector("table")!;
        Assert.Equal(new Dictionary<string, string?>
        {
            ["Company"] = $"/job-postings/v1/orgs/{orgId}",
            ["Source"] = $"/job-postings/v1/sources/{sourceId}",
            ["ATS provider"] = "/jobs?provider=greenhouse",
        }, HtmlPages.Links(linked));
        var linkedText = HtmlPages.Fields(linked);
        Assert.Equal("Fal (3 active, 0 inactive postings)", linkedText["Company"]);
        Assert.StartsWith($"{sourceId} (greenhouse:fal, last poll 2026-06-06 18:41:04Z succeeded)", linkedText["Source"]);

        // The description is description_text's lines as paragraphs, and nothing of description_html's markup.
        var description = page.Section("description");
        var lines = ((string)record["description"]!).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(["H2", .. lines.Select(_ => "P")], description.Children.Select(child => child.TagName));
        Assert.Equal(lines, description.QuerySelectorAll("p").Select(HtmlPages.Text));
        Assert.Equal("fal is the generative media ecosystem powering the next generation of AI products.", lines[0]);
        Assert.Equal("We are currently hiring in downtown San Francisco.", lines[^1]);

        // The full record has a row for every plain field of the JSON record, under the same name, in the same order.
        var rows = page.Section("record").QuerySelectorAll("tbody tr").ToList();
        Assert.Equal(record.Select(field => field.Key).Except([.. StructuredFields, "description", "description_html"]), rows.Select(row => row.GetAttribute("data-field")));
        var full = HtmlPages.Fields(page.Section("record").QuerySelector("table")!);
        Assert.Equal(FalBackendId, full["Job ID"]);
        Assert.Equal(orgId.ToString(), full["Org ID"]);
        Assert.Equal((sourceId.ToString(), sourceId.ToString()), (full["Source ID"], full["Board ID"]));
        Assert.Equal(("greenhouse", "4009193009", "yes", "San Francisco"), (full["Provider"], full["Provider Job Key"], full["Active"], full["Location Text"]));
        Assert.Equal(("180,000", "250,000", "USD", "year"), (full["Salary Min"], full["Salary Max"], full["Salary Currency"], full["Salary Period"]));
        Assert.Equal("Compensation: $180,000 - $250,000 + equity + comprehensive benefits package Location: We are currently hiring in", full["Salary Raw"]);
        Assert.Equal("https://job-boards.greenhouse.io/fal/jobs/4009193009", full["Source URL"]);
        Assert.Equal(("2025-07-21 19:46:29Z", "2026-05-21 19:54:05Z"), (full["Source Posted At"], full["Source Updated At"]));
        Assert.Equal(("2026-06-06 18:41:04Z", "—"), (full["Last Seen At"], full["Inactive At"]));
        Assert.Equal(poll.RawPayloadUri, full["Raw Payload URI"]);

        // The JSON blocks are the API's own objects.
        Assert.All(
            new[] { ("event-fields", "event_fields"), ("parsed-structured", "parsed"), ("extensions", "extensions"), ("native-structured", "native") },
            block => Assert.True(
                JsonNode.DeepEquals(record[block.Item2], JsonNode.Parse(page.Section(block.Item1).QuerySelector("pre")!.TextContent)), block.Item1));

        var calls = page.Section("api").QuerySelectorAll("tbody tr td a").ToList();
        string[] paths =
        [
            $"/job-postings/v1/jobs/{FalBackendId}?include=description", $"/job-postings/v1/orgs/{orgId}",
            $"/job-postings/v1/sources/{sourceId}", $"/job-postings/v1/jobs/{FalBackendId}/events",
        ];
        Assert.Equal(paths, calls.Select(call => call.GetAttribute("href")));
        var origin = api.Client.BaseAddress!.GetLeftPart(UriPartial.Authority);
        Assert.Equal(paths.Select(path => origin + path), calls.Select(HtmlPages.Text));
        Assert.Empty(page.Document.QuerySelectorAll("script"));
    }

    [Fact]
    public async Task TheEventsSectionListsEveryLifecycleEventAsTheEventsCallDoes()
    {
        await using var fal = await ServedFal.StartAsync(servers, replies: ServedFal.Lifecycle());
        var events = JsonNode.Parse(await fal.Api.Client.GetStringAsync($"/job-postings/v1/jobs/{FalBackendId}/events", TestContext.Current.CancellationToken))!["data"]!.AsArray();

        using var page = await HtmlPages.GetAsync(fal.Api.Client, FalBackendPage);

        var rows = page.Section("events").QuerySelectorAll("tbody tr").Select(row => row.Children.Select(HtmlPages.Text).ToList()).ToList();
        Assert.Equal(["opened", "updated", "closed", "reopened"], rows.Select(row => row[1]));
        Assert.Equal(["active", "active", "inactive", "active"], rows.Select(row => row[2]));
        Assert.Equal(["—", "title", "—", "title"], rows.Select(row => row[3]));
        Assert.Equal(events.Select(e => e!["changed_fields"] is JsonArray { Count: > 0 } fields ? string.Join(", ", fields) : "—"), rows.Select(row => row[3]));
        Assert.Equal(["—", "—", "confirmed_gone (job page answered 404)", "—"], rows.Select(row => row[4]));
        Assert.Equal(fal.Polls.Select(p => p.RawPayloadUri), rows.Select(row => row[5]));
        Assert.Equal(events.Select(e => DateTime.Parse((string)e!["occurred_at"]!).ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss'Z'")), rows.Select(row => row[0]));
        Assert.Equal(events.Select(e => e!["event_id"]!.ToString()), page.Section("events").QuerySelectorAll("tbody tr").Select(row => row.GetAttribute("data-event-id")));
    }

    [Fact]
    public async Task MarkupInAPostingIsShownAsTextAndNeverBecomesMarkupOrALink()
    {
        // Greenhouse escapes its content once: a real script element, and the text of one (escaped twice).
        var board = BoardPayload.Of("fal").Edit(ServedFal.Backend, job =>
        {
            job["title"] = "Backend <script>alert('title')</script> Engineer";
            job["content"] = "&lt;p&gt;Intro.&lt;/p&gt;&lt;script&gt;alert('html')&lt;/script&gt;&lt;p&gt;Write &amp;lt;script&amp;gt;alert('text')&amp;lt;/script&amp;gt; safely.&lt;/p&gt;";
            job["absolute_url"] = "javascript:alert('url')";
        });
        await using var fal = await ServedFal.StartAsync(servers, replies: board.Reply());
        var api = fal.Api;
        var record = JsonNode.Parse(await api.Client.GetStringAsync($"/job-postings/v1/jobs/{FalBackendId}?include=description", TestContext.Current.CancellationToken))!;

        using var page = await HtmlPages.GetAsync(api.Client, FalBackendPage);

        Assert.Equal(HttpStatusCode.OK, page.Response.StatusCode);
        Assert.Empty(page.Document.QuerySelectorAll("script"));
        Assert.DoesNotContain("<script", page.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain((string)record["description_html"]!, page.Html);
        Assert.Equal((string?)record["title"], HtmlPages.Text(page.Document.QuerySelector("h1")!));
        Assert.Contains("Write <script>alert('text')</script> safely.", page.Section("description").TextContent);
        Assert.Equal("javascript:alert('url')", (string?)record["source_url"]);
        Assert.DoesNotContain(page.Document.QuerySelectorAll("a[href]"), a => a.GetAttribute("href")!.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase));
        Assert.Equal("javascript:alert('url')", HtmlPages.Fields(page.Section("record").QuerySelector("table")!)["Source URL"]);
    }

    [Fact]
    public async Task AnUnknownJobIdIsA404PageAndAMalformedOneA400Page()
    {
        await using var ingestor = await TestIngestor.StartAsync(servers);
        await using var api = await TestReadApi.StartAsync(ingestor.Settings);
        var unknownId = new string('0', 40);

        using var unknown = await HtmlPages.GetAsync(api.Client, $"/jobs/{unknownId}");
        using var malformed = await HtmlPages.GetAsync(api.Client, "/jobs/not-a-job-id");

        Assert.Equal((HttpStatusCode.NotFound, "text/html"), (unknown.Response.StatusCode, unknown.Response.Content.Headers.ContentType?.MediaType));
        Assert.Equal("Unknown job_id", HtmlPages.Text(unknown.Document.QuerySelector("h1")!));
        Assert.Equal($"No record has job_id {unknownId}.", HtmlPages.Text(unknown.Section("problem")));
        Assert.Equal((HttpStatusCode.BadRequest, "text/html"), (malformed.Response.StatusCode, malformed.Response.Content.Headers.ContentType?.MediaType));
        Assert.Equal("Malformed job_id", HtmlPages.Text(malformed.Document.QuerySelector("h1")!));
        Assert.Equal("job_id must be 40 lowercase hexadecimal characters.", HtmlPages.Text(malformed.Section("problem")));
        Assert.All([unknown, malformed], page => Assert.DoesNotContain("Exception", page.Html));
    }

    [Fact]
    public async Task TheHomePageCountsWhatTheServerHoldsAndLinksToThePostings()
    {
        await using var fal = await ServedFal.StartAsync(servers);

        using var home = await HtmlPages.GetAsync(fal.Api.Client, "/");

        Assert.Equal(HttpStatusCode.OK, home.Response.StatusCode);
        Assert.Equal(new Dictionary<string, string>
        {
            ["Boards"] = "1",
            ["Active postings"] = "3",
            ["Inactive postings"] = "0",
            ["Lifecycle events"] = "3",
        }, HtmlPages.Fields(home.Section("totals")));
        Assert.Contains(home.Document.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/jobs");
    }

    [Fact]
    public async Task ARepostsPageLinksToThePostingItRepostsAndToTheFirstOfItsLine()
    {
        const long reposted = 4019000001;
        var board = BoardPayload.Of("fal");
        await using var fal = await ServedFal.StartAsync(servers, null, board.Reply(), board.Copy().Reposted(ServedFal.Backend, reposted).Reply());
        var repostId = Ingestor.Normalization.Fingerprints.JobId.For("greenhouse", "fal", reposted.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var firstSeen = await fal.Ingestor.ScalarAsync<DateTime>("select first_seen_at from postings where job_id = @FalBackendId", new { FalBackendId });

        using var page = await HtmlPages.GetAsync(fal.Api.Client, $"/jobs/{repostId}");
        var record = JsonNode.Parse(await fal.Api.Client.GetStringAsync($"/job-postings/v1/jobs/{repostId}", TestContext.Current.CancellationToken))!;

        var linked = page.Section("linked").QuerySelector("table")!;
        Assert.Equal(($"/jobs/{FalBackendId}", $"/jobs/{FalBackendId}"), (HtmlPages.Links(linked)["Reposted from"], HtmlPages.Links(linked)["First of its line"]));
        Assert.Equal($"{FalBackendId} (first seen {firstSeen:yyyy-MM-dd})", HtmlPages.Fields(linked)["First of its line"]);
        Assert.Equal((FalBackendId, FalBackendId), ((string?)record["extensions"]!["lineage"]!["reposted_from"], (string?)record["extensions"]!["lineage"]!["lineage_id"]));
    }
}
