using System.Net;
using AngleSharp.Dom;

namespace Ingestor.Tests.Serving;

/// <summary><c>GET /jobs?…</c>, the list pages, over stripe and fal ingested through the real pipeline.</summary>
[Collection(SlicedBoards.Collection)]
public sealed class ListPageTests(SlicedBoards boards)
{
    [Fact]
    public async Task FollowingNextPageLinksListsEveryPostingOfTheSliceOnce()
    {
        var client = boards.Api.Client;
        var stripe = await boards.SelectAsync("org_id = @StripeOrgId", new { boards.StripeOrgId });
        var listed = new List<string>();
        var pages = 0;

        for (var href = $"/jobs?org_id={boards.StripeOrgId}&limit=100"; ;)
        {
            using var page = await HtmlPages.GetAsync(client, href);
            Assert.Equal((HttpStatusCode.OK, "text/html"), (page.Response.StatusCode, page.Response.Content.Headers.ContentType?.MediaType));
            Assert.Equal("Jobs at Stripe", HtmlPages.Text(page.Document.QuerySelector("h1")!));
            Assert.Equal(["Home", "Jobs", "Jobs at Stripe"], page.Document.QuerySelectorAll("nav[aria-label=Breadcrumb] li").Select(HtmlPages.Text));
            var rows = Rows(page);
            Assert.All(rows, row => Assert.Equal($"/jobs/{row.GetAttribute("data-job-id")}", row.QuerySelector("td a")!.GetAttribute("href")));
            listed.AddRange(rows.Select(row => row.GetAttribute("data-job-id")!));
            // After the first page, a way back to it.
            Assert.Equal(pages == 0 ? null : $"/jobs?org_id={boards.StripeOrgId}&limit=100", page.Document.QuerySelector("a[rel=first]")?.GetAttribute("href"));
            pages++;
            if (page.Document.QuerySelector("a[rel=next]") is not { } next)
                break;
            Assert.Equal("Next page", HtmlPages.Text(next));
            href = next.GetAttribute("href")!;
        }

        Assert.Equal(547, stripe.Count);
        Assert.Equal(6, pages);
        Assert.Equal(listed.Count, listed.Distinct().Count());
        Assert.Equal(stripe.Order(), listed.Order());
    }

    [Fact]
    public async Task TheBreakdownsCountAsTheJsonFacetsAndEachValueNarrowsTheSlice()
    {
        var company = $"org_id={boards.StripeOrgId}";
        var facets = await boards.Api.FacetsAsync(company);

        using var page = await HtmlPages.GetAsync(boards.Api.Client, $"/jobs?{company}");

        var shown = page.Section("facets").QuerySelectorAll("table[data-facet]").ToList();
        Assert.Equal(["provider", "country_code", "region", "city", "department", "workplace_type", "employment_type"], shown.Select(t => t.GetAttribute("data-facet")));
        foreach (var table in shown)
            Assert.Equal(
                facets[table.GetAttribute("data-facet")!]!.AsArray().Select(bucket => ((string?)bucket!["value"], (int)bucket["count"]!)),
                table.QuerySelectorAll("tbody tr").Select(row => (row.GetAttribute("data-value"), int.Parse(HtmlPages.Text(row.QuerySelector("td")!)))));
        Assert.Equal($"{(int)facets["total"]!} postings in this slice", HtmlPages.Text(page.Section("total")));
        Assert.Equal(50, Rows(page).Count);
        Assert.Equal(
            [$"/job-postings/v1/jobs?{company}", $"/job-postings/v1/jobs/facets?{company}"],
            page.Section("api").QuerySelectorAll("a").Select(a => a.GetAttribute("href")));

        // The largest city, followed from its count: the slice narrowed by it, as many postings as counted.
        var city = facets["city"]!.AsArray().First(bucket => bucket!["value"] is not null)!;
        var cityLink = page.Section("facets").QuerySelector($"table[data-facet=city] tr[data-value='{(string)city["value"]!}'] a")!.GetAttribute("href")!;
        using var narrowed = await HtmlPages.GetAsync(boards.Api.Client, cityLink);
        Assert.Equal(HttpStatusCode.OK, narrowed.Response.StatusCode);
        Assert.Equal($"Jobs at Stripe in {city["value"]}", HtmlPages.Text(narrowed.Document.QuerySelector("h1")!));
        Assert.Equal($"{(int)city["count"]!} postings in this slice", HtmlPages.Text(narrowed.Section("total")));
        var inCity = await boards.SelectAsync("org_id = @StripeOrgId and city = @City", new { boards.StripeOrgId, City = (string)city["value"]! });
        var listedInCity = Rows(narrowed).Select(row => row.GetAttribute("data-job-id")!).ToHashSet();
        Assert.Subset(inCity, listedInCity);
        Assert.Equal(Math.Min(50, inCity.Count), listedInCity.Count);
        Assert.Equal(["org_id", "city"], narrowed.Section("filters").QuerySelectorAll("tr").Select(row => row.GetAttribute("data-filter")));
    }

    [Fact]
    public async Task TheHeadingSaysWhichSliceThePageHolds()
    {
        var falOrgId = await boards.Ingestor.ScalarAsync<Guid>("select org_id from boards where board_token = 'fal'");

        Assert.Equal("All jobs", await HeadingAsync("/jobs"));
        Assert.Equal("Jobs at fal", await HeadingAsync($"/jobs?org_id={falOrgId}"));
        Assert.Equal("Jobs in San Francisco", await HeadingAsync("/jobs?city=San%20Francisco"));
        Assert.Equal("Greenhouse jobs", await HeadingAsync("/jobs?provider=greenhouse"));
        Assert.Equal("Inactive Greenhouse jobs at fal in Engineering", await HeadingAsync($"/jobs?department=Engineering&provider=greenhouse&org_id={falOrgId}&status=inactive"));
        Assert.Equal("Jobs on the board greenhouse:fal", await HeadingAsync($"/jobs?source_id={boards.FalSourceId}"));
    }

    [Fact]
    public async Task BlankFieldsAndTrackingParametersDoNotFilterThePage()
    {
        using var page = await HtmlPages.GetAsync(boards.Api.Client, $"/jobs?source_id={boards.FalSourceId}&city=&q=%20&utm_source=newsletter&status=inactive");

        Assert.Equal(HttpStatusCode.OK, page.Response.StatusCode);
        var inactive = Assert.Single(Rows(page));
        Assert.Equal(await boards.SelectAsync("source_id = @FalSourceId and status = 'inactive'", new { boards.FalSourceId }), [inactive.GetAttribute("data-job-id")!]);
        Assert.Equal(
            [$"/job-postings/v1/jobs?source_id={boards.FalSourceId}&status=inactive", $"/job-postings/v1/jobs/facets?source_id={boards.FalSourceId}&status=inactive"],
            page.Section("api").QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
    }

    [Theory]
    [InlineData("status=open", "Malformed status", "status must be one of active, inactive.")]
    [InlineData("country_code=USA", "Malformed country_code", "country_code must be 2 letters such as US.")]
    [InlineData("limit=501", "Malformed limit", "limit must be a whole number from 1 to 500.")]
    [InlineData("cursor=not-a-cursor", "Malformed cursor", "cursor must be the next_cursor of a page this endpoint returned.")]
    [InlineData("city=Berlin&city=Paris", "Repeated city", "city is given 2 times; give it once.")]
    [InlineData("colour=red", "Unknown query parameter", "'colour' is not a parameter of this endpoint; it takes ")]
    public async Task ABadOrUnknownParameterIsA400PageNamingIt(string query, string title, string detail)
    {
        using var page = await HtmlPages.GetAsync(boards.Api.Client, $"/jobs?{query}");

        Assert.Equal((HttpStatusCode.BadRequest, "text/html"), (page.Response.StatusCode, page.Response.Content.Headers.ContentType?.MediaType));
        Assert.Equal(title, HtmlPages.Text(page.Document.QuerySelector("h1")!));
        Assert.StartsWith(detail, HtmlPages.Text(page.Section("problem")));
        Assert.DoesNotContain("Exception", page.Html);
    }

    private static List<IElement> Rows(HtmlPages.Page page) => [.. page.Section("postings").QuerySelectorAll("tbody tr[data-job-id]")];

    private async Task<string> HeadingAsync(string path)
    {
        using var page = await HtmlPages.GetAsync(boards.Api.Client, path);
        Assert.True(page.Response.StatusCode == HttpStatusCode.OK, $"{path} answered {page.Response.StatusCode}");
        return HtmlPages.Text(page.Document.QuerySelector("h1")!);
    }
}
