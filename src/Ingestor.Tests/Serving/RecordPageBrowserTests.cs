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

        // Slices are served by the list page (/jobs?…) and the list API (/job-postings/v1/jobs?…, …/jobs/facets?…): each a
        // well-formed link naming one filter of the list API and the posting's value of it.
        var sliceLinks = ownLinks.Where(link => link.Query.Length > 0 && link.AbsolutePath != $"/job-postings/v1/jobs/{FalBackendId}").ToList();
        Assert.Equal(
            new[]
            {
                $"/jobs?org_id={orgId}", "/jobs?provider=greenhouse", "/jobs?city=San%20Francisco", "/jobs?department=Engineering",
                $"/job-postings/v1/jobs/facets?org_id={orgId}", "/job-postings/v1/jobs?provider=greenhouse",
            }.Order(),
            sliceLinks.Select(link => link.PathAndQuery).Order());

        var eventsLink = Assert.Single(ownLinks, link => link.Fragment.Length > 0);
        Assert.Equal($"/jobs/{FalBackendId}#events", eventsLink.PathAndQuery + eventsLink.Fragment);
        await page.GetByRole(AriaRole.Row, new() { Name = "Lifecycle events" }).GetByRole(AriaRole.Link).ClickAsync();
        Assert.EndsWith("#events", page.Url);

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
}
