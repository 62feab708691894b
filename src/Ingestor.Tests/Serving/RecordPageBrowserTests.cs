using Ingestor.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Ingestor.Tests.Serving;

/// <summary>The record page in a real headless browser: what a reader sees, and where its links lead.</summary>
public sealed class RecordPageBrowserTests(TestServers servers, ChromiumBrowser chromium) : IClassFixture<ChromiumBrowser>
{
    private const string FalBackendId = ServedFal.BackendId;
    private const string FalSourceUrl = "https://job-boards.greenhouse.io/fal/jobs/4009193009";

    [Fact]
    public async Task TheFalRecordPageShowsEverySectionAndItsLinksLeadToWorkingPages()
    {
        await using var fal = await ServedFal.StartAsync(servers, ServedFal.AtTheRecordedPoll());
        var orgId = fal.OrgId;
        var origin = new Uri(fal.Api.Client.BaseAddress!.GetLeftPart(UriPartial.Authority));
        await using var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false });
        var page = await context.NewPageAsync();

        var opened = await page.GotoAsync(new Uri(origin, $"/jobs/{FalBackendId}").ToString());

        Assert.Equal(200, opened!.Status);
        Assert.Equal("Senior Software Engineer, Backend", await page.Locator("h1").InnerTextAsync());
        Assert.Equal("Fal · San Francisco · Active · $180,000–$250,000 / year · Greenhouse", await page.Locator(".summary").InnerTextAsync());
        Assert.Equal(
            ["Job facts", "Related slices", "Lifecycle events", "Linked records", "Description", "Full job record",
             "Event fields", "Parsed structured", "Extensions", "Native structured", "Get this page with API"],
            await page.Locator("main h2").AllInnerTextsAsync());
        Assert.True(await page.Locator("#description p").First.IsVisibleAsync());
        Assert.Equal(1, await page.Locator("#events tbody tr").CountAsync());

        // Every link on the page, as the browser resolves it.
        var links = (await page.Locator("a[href]").EvaluateAllAsync<string[]>("links => links.map(link => link.href)")).Distinct().Select(href => new Uri(href)).ToList();
        var ownLinks = links.Where(link => link.GetLeftPart(UriPartial.Authority) == origin.GetLeftPart(UriPartial.Authority)).ToList();
        Assert.Equal([new Uri(FalSourceUrl)], links.Except(ownLinks));

        // Slices are served by the list page (/jobs?…, the company's breakdowns at its #facets) and the list API
        // (/job-postings/v1/jobs?…): each names one filter of the list API and the posting's value of it.
        var eventsLink = Assert.Single(ownLinks, link => link.AbsolutePath == $"/jobs/{FalBackendId}" && link.Fragment.Length > 0);
        var sliceLinks = ownLinks.Where(link => link.Query.Length > 0 && link.AbsolutePath != $"/job-postings/v1/jobs/{FalBackendId}").ToList();
        Assert.Equal(
            new[]
            {
                $"/jobs?org_id={orgId}", $"/jobs?org_id={orgId}#facets", "/jobs?provider=greenhouse", "/jobs?city=San%20Francisco",
                "/jobs?department=Engineering", "/job-postings/v1/jobs?provider=greenhouse",
            }.Order(),
            sliceLinks.Select(link => link.PathAndQuery + link.Fragment).Order());

        Assert.Equal($"/jobs/{FalBackendId}#events", eventsLink.PathAndQuery + eventsLink.Fragment);
        await page.GetByRole(AriaRole.Row, new() { Name = "Lifecycle events" }).GetByRole(AriaRole.Link).ClickAsync();
        Assert.EndsWith("#events", page.Url);

        // Each list page answers, lists the fal posting (every slice around it holds it) and links back to its record page.
        foreach (var link in sliceLinks.Where(link => link.AbsolutePath == "/jobs"))
        {
            // From a blank page: from the company's list page its #facets would be a jump within it, with no response.
            await page.GotoAsync("about:blank");
            var response = await page.GotoAsync(link.ToString());
            Assert.True(response!.Status == 200, $"{link} answered {response.Status}");
            Assert.Equal(["Filters", "Postings", "Breakdowns", "Get this page with API"], await page.Locator("main h2").AllInnerTextsAsync());
            var listed = page.Locator($"#postings tr[data-job-id='{FalBackendId}']");
            Assert.Equal("Senior Software Engineer, Backend", await listed.GetByRole(AriaRole.Link).InnerTextAsync());
            if (link.Fragment == "#facets")
                Assert.True(await page.Locator("#facets table[data-facet=city]").IsVisibleAsync());
        }
        Assert.Equal(200, (await page.GotoAsync(new Uri(origin, $"/jobs?org_id={orgId}").ToString()))!.Status);
        await page.Locator($"#postings tr[data-job-id='{FalBackendId}']").GetByRole(AriaRole.Link).ClickAsync();
        Assert.Equal(new Uri(origin, $"/jobs/{FalBackendId}").ToString(), page.Url);
        var apiSlice = await page.GotoAsync(new Uri(origin, "/job-postings/v1/jobs?provider=greenhouse").ToString());
        Assert.Equal(200, apiSlice!.Status);

        // The rest (home, the four API calls that reproduce the page, the company and board records) answer, in the browser.
        var followed = ownLinks.Except(sliceLinks).Except([eventsLink]).ToList();
        Assert.Equal(
            new[]
            {
                "/", $"/job-postings/v1/jobs/{FalBackendId}?include=description", $"/job-postings/v1/jobs/{FalBackendId}/events",
                $"/job-postings/v1/orgs/{orgId}", $"/job-postings/v1/sources/{fal.SourceId}",
            }.Order(),
            followed.Select(link => link.PathAndQuery).Order());
        foreach (var link in followed)
        {
            var response = await page.GotoAsync(link.ToString());
            Assert.True(response!.Status == 200, $"{link} answered {response.Status}");
        }
    }

    [Fact]
    public async Task TheNextPageLinkOfAListPageLeadsToTheFollowingPostingsInTheBrowser()
    {
        await using var ingestor = await TestIngestor.StartAsync(servers);
        ingestor.Greenhouse.Script("stripe", Reply.Board("stripe"));
        await ingestor.PollAsync("stripe");
        await using var api = await TestReadApi.StartAsync(ingestor.Settings);
        await using var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        var first = new Uri(api.Client.BaseAddress!, "/jobs?provider=greenhouse");

        Assert.Equal(200, (await page.GotoAsync(first.ToString()))!.Status);
        Assert.Equal("Greenhouse jobs", await page.Locator("h1").InnerTextAsync());
        var firstPage = await ListedAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Next page" }).ClickAsync();
        var secondPage = await ListedAsync(page);

        Assert.Contains("cursor=", page.Url);
        Assert.Equal(50, firstPage.Count);
        Assert.Equal(50, secondPage.Count);
        Assert.Empty(firstPage.Intersect(secondPage));
        var newest = await ingestor.QueryAsync<string>("select job_id from postings order by first_seen_at desc, job_id desc limit 100");
        Assert.Equal(newest, [.. firstPage, .. secondPage]);
        await page.GetByRole(AriaRole.Link, new() { Name = "First page" }).ClickAsync();
        Assert.Equal(first.ToString(), page.Url);
    }

    private static async Task<List<string>> ListedAsync(IPage page) =>
        [.. await page.Locator("#postings tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(row => row.dataset.jobId)")];
}
