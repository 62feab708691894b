using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;

namespace Ingestor.Tests.Serving;

/// <summary><c>GET /job-postings/v1/jobs</c> over stripe and fal: what each filter keeps, the order, the pages and the records.</summary>
[Collection(SlicedBoards.Collection)]
public sealed class JobSliceTests(SlicedBoards boards)
{
    private const string FalBackendId = "5d7bb08593f65e24f2b9df8aacb01cb3c3976d37";

    [Fact]
    public async Task EachFilterKeepsExactlyThePostingsItsConditionSelects()
    {
        var falOpened = boards.FalOpenedAt.ToString("O", CultureInfo.InvariantCulture);
        // Query, the same slice written independently in SQL over the view, and whether the slice is a proper part of the whole.
        (string Query, string Condition, bool Narrows)[] slices =
        [
            ("", "true", false),
            ($"org_id={boards.StripeOrgId}", $"org_id = '{boards.StripeOrgId}'", true),
            ($"source_id={boards.FalSourceId}", $"source_id = '{boards.FalSourceId}'", true),
            ("provider=greenhouse", "provider = 'greenhouse'", false),
            ("provider=lever", "false", false),
            ("status=inactive", $"job_id = '{FalBackendId}'", true),
            ("status=active", $"job_id <> '{FalBackendId}'", true),
            ("city=San%20Francisco", "city = 'San Francisco'", true),
            ("region=CA", "region = 'CA'", true),
            ("country_code=ie", "country_code = 'IE'", true),
            ("department=Engineering", "department = 'Engineering'", true),
            ("team=Platform", "team = 'Platform'", false),
            ("workplace_type=remote", "workplace_type = 'remote'", true),
            ("employment_type=temporary", "employment_type = 'temporary'", true),
            ("is_remote=true", "is_remote", true),
            ("is_remote=false", "not is_remote", true),
            ("salary_currency=cad", "salary_currency = 'CAD'", true),
            ("salary_min_at_least=150000", "salary_min >= 150000", true),
            ("posted_after=2026-06-01", "source_posted_at >= '2026-06-01T00:00:00Z'", true),
            ($"changed_since={Uri.EscapeDataString(falOpened)}", $"last_changed_at >= '{falOpened}'", true),
            ("q=ENGINEER", "strpos(lower(title), 'engineer') > 0 or strpos(lower(company_name), 'engineer') > 0", true),
            ("q=fal", "strpos(lower(title), 'fal') > 0 or strpos(lower(company_name), 'fal') > 0", true),
            // Wildcards of LIKE are text to find: no title holds a % or an _.
            ("q=%25", "strpos(title, '%') > 0 or strpos(company_name, '%') > 0", false),
            ("q=_", "strpos(title, '_') > 0 or strpos(company_name, '_') > 0", false),
            ($"org_id={boards.StripeOrgId}&city=Dublin&is_remote=false", $"org_id = '{boards.StripeOrgId}' and city = 'Dublin' and not is_remote", true),
        ];
        var everything = await boards.SelectAsync("true");

        foreach (var (query, condition, narrows) in slices)
        {
            var walked = (await boards.Api.WalkAsync($"{query}&limit=40")).JobIds().ToList();
            var expected = await boards.SelectAsync(condition);

            Assert.True(walked.Count == walked.Distinct().Count(), $"{query}: a posting served twice");
            Assert.True(expected.SetEquals(walked), $"{query}: served {walked.Count}, the condition selects {expected.Count}");
            if (narrows)
                Assert.True(expected.Count > 0 && expected.Count < everything.Count, $"{query} selects {expected.Count} of {everything.Count}");
        }
        Assert.Equal(550, everything.Count);
    }

    [Fact]
    public async Task PostingsComeNewestFirstThenByJobIdDescending()
    {
        var records = await boards.Api.WalkAsync("limit=100");

        var places = records.Select(r => (FirstSeenAt: DateTimeOffset.Parse((string)r["first_seen_at"]!, CultureInfo.InvariantCulture), JobId: (string)r["job_id"]!)).ToList();
        Assert.Equal(places.OrderByDescending(p => p.FirstSeenAt).ThenByDescending(p => p.JobId, StringComparer.Ordinal), places);
        Assert.Equal(["fal", "fal", "fal"], records.Take(3).Select(r => (string?)r["company_name"]));
    }

    [Fact]
    public async Task EachItemIsTheJobRecordWithoutItsDescription()
    {
        var page = await boards.Api.PageAsync($"source_id={boards.FalSourceId}&status=inactive");
        var record = JsonNode.Parse(await boards.Api.Client.GetStringAsync($"/job-postings/v1/jobs/{FalBackendId}", TestContext.Current.CancellationToken));

        var item = Assert.Single(page["data"]!.AsArray());
        Assert.True(JsonNode.DeepEquals(record, item));
        Assert.Null(item!["description"]);
        Assert.Equal(["data", "next_cursor"], page.Select(field => field.Key));
        Assert.Null(page["next_cursor"]);
    }

    [Fact]
    public async Task PagesHoldFiftyByDefaultAndAtMostFiveHundred()
    {
        var byDefault = await boards.Api.PageAsync("");
        var largest = await boards.Api.PageAsync("limit=500");
        var rest = await boards.Api.PageAsync($"limit=500&cursor={(string)largest["next_cursor"]!}");

        Assert.Equal(50, byDefault["data"]!.AsArray().Count);
        Assert.Equal(500, largest["data"]!.AsArray().Count);
        Assert.Equal(50, rest["data"]!.AsArray().Count);
        Assert.Null(rest["next_cursor"]);
    }

    [Fact]
    public async Task TheNextPageIsLinkedWhileOneFollowsAndItsLinkKeepsTheFilters()
    {
        var cancel = TestContext.Current.CancellationToken;
        var query = $"org_id={boards.StripeOrgId}&city=San%20Francisco&limit=50";
        using var first = await boards.Api.Client.GetAsync($"{JobSlicesClient.Jobs}?{query}", cancel);
        var firstPage = JsonNode.Parse(await first.Content.ReadAsStringAsync(cancel))!;
        var link = Assert.Single(first.Headers.GetValues("Link"));
        var next = link[1..link.IndexOf('>')];

        using var second = await boards.Api.Client.GetAsync(next, cancel);
        var slice = await boards.SelectAsync("org_id = @StripeOrgId and city = 'San Francisco'", new { boards.StripeOrgId });
        var secondPage = JsonNode.Parse(await second.Content.ReadAsStringAsync(cancel))!;

        Assert.EndsWith("; rel=\"next\"", link);
        Assert.StartsWith($"{JobSlicesClient.Jobs}?", next);
        Assert.Contains($"cursor={Uri.EscapeDataString((string)firstPage["next_cursor"]!)}", next);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.InRange(slice.Count, 51, 100);
        Assert.Equal(slice.Count - 50, secondPage["data"]!.AsArray().Count);
        Assert.All(secondPage["data"]!.AsArray(), r => Assert.Equal(("San Francisco", boards.StripeOrgId.ToString()), ((string?)r!["city"], (string?)r["org_id"])));
        Assert.Null(secondPage["next_cursor"]);
        Assert.False(second.Headers.Contains("Link"));
    }

    [Fact]
    public async Task ALaterPageMayAskForADifferentLimit()
    {
        var first = await boards.Api.PageAsync("limit=10");
        var second = await boards.Api.PageAsync($"limit=20&cursor={(string)first["next_cursor"]!}");
        var both = await boards.Api.PageAsync("limit=30");

        Assert.Equal(both["data"]!.AsArray().Select(r => (string?)r!["job_id"]),
            first["data"]!.AsArray().Concat(second["data"]!.AsArray()).Select(r => (string?)r!["job_id"]));
    }
}
