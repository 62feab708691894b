using System.Net;
using System.Text.Json.Nodes;

namespace Ingestor.Tests.Serving;

/// <summary>A slice request the API cannot honour exactly is refused as problem details naming the parameter, never half-served.</summary>
[Collection(SlicedBoards.Collection)]
public sealed class JobSliceProblemTests(SlicedBoards boards)
{
    public static TheoryData<string, string> BadSlices => new()
    {
        { "/job-postings/v1/jobs?title=Engineer", "title" },
        { "/job-postings/v1/jobs?org_id=stripe", "org_id" },
        { "/job-postings/v1/jobs?source_id=00cad292f66b476da9f72cd97898a6d0", "source_id" },
        { "/job-postings/v1/jobs?provider=workday", "provider" },
        { "/job-postings/v1/jobs?provider=Greenhouse", "provider" },
        { "/job-postings/v1/jobs?status=open", "status" },
        { "/job-postings/v1/jobs?workplace_type=in-office", "workplace_type" },
        { "/job-postings/v1/jobs?is_remote=yes", "is_remote" },
        { "/job-postings/v1/jobs?country_code=USA", "country_code" },
        { "/job-postings/v1/jobs?salary_currency=%24", "salary_currency" },
        { "/job-postings/v1/jobs?salary_min_at_least=100k", "salary_min_at_least" },
        { "/job-postings/v1/jobs?salary_min_at_least=-5", "salary_min_at_least" },
        { "/job-postings/v1/jobs?posted_after=yesterday", "posted_after" },
        { "/job-postings/v1/jobs?posted_after=06%2F01%2F2026", "posted_after" },
        { "/job-postings/v1/jobs?changed_since=2026-06-01T12:00:00+02:00", "changed_since" },
        { "/job-postings/v1/jobs?limit=0", "limit" },
        { "/job-postings/v1/jobs?limit=501", "limit" },
        { "/job-postings/v1/jobs?limit=ten", "limit" },
        { "/job-postings/v1/jobs?city=", "city" },
        { "/job-postings/v1/jobs?city=Dublin&city=London", "city" },
        { "/job-postings/v1/jobs?cursor=not-a-cursor", "cursor" },
        { "/job-postings/v1/jobs?cursor=AQ", "cursor" },
        { "/job-postings/v1/jobs?cursor=%2B%2F%3D", "cursor" },
        { "/job-postings/v1/jobs/facets?limit=10", "limit" },
        { "/job-postings/v1/jobs/facets?cursor=AQ", "cursor" },
        { "/job-postings/v1/jobs/facets?status=closed", "status" },
    };

    [Theory]
    [MemberData(nameof(BadSlices))]
    public async Task AnUnknownParameterOrABadValueIsA400NamingIt(string path, string parameter)
    {
        using var response = await boards.Api.Client.GetAsync(path, TestContext.Current.CancellationToken);

        var problem = await ProblemAsync(response);
        Assert.Contains(parameter, (string?)problem["detail"]);
    }

    [Fact]
    public async Task ACursorOfOtherFiltersIsRefused()
    {
        var page = await boards.Api.PageAsync($"org_id={boards.StripeOrgId}&limit=5");
        var cursor = Uri.EscapeDataString((string)page["next_cursor"]!);

        using var otherFilters = await boards.Api.Client.GetAsync(
            $"{JobSlicesClient.Jobs}?org_id={boards.StripeOrgId}&is_remote=true&cursor={cursor}", TestContext.Current.CancellationToken);
        using var noFilters = await boards.Api.Client.GetAsync($"{JobSlicesClient.Jobs}?cursor={cursor}", TestContext.Current.CancellationToken);

        Assert.Contains("cursor was issued for other filters", (string?)(await ProblemAsync(otherFilters))["detail"]);
        Assert.Contains("cursor", (string?)(await ProblemAsync(noFilters))["detail"]);
    }

    [Fact]
    public async Task AnAlteredCursorIsRefused()
    {
        var cursor = (string)(await boards.Api.PageAsync("limit=5"))["next_cursor"]!;
        // Of another version, cut short, made longer.
        foreach (var bad in new[] { "B" + cursor[1..], cursor[..^4], cursor + "AAAA" })
        {
            using var response = await boards.Api.Client.GetAsync($"{JobSlicesClient.Jobs}?limit=5&cursor={Uri.EscapeDataString(bad)}", TestContext.Current.CancellationToken);
            Assert.Contains("cursor", (string?)(await ProblemAsync(response))["detail"]);
        }
    }

    private static Task<JsonObject> ProblemAsync(HttpResponseMessage response) => ProblemDetailsTests.ProblemAsync(response, HttpStatusCode.BadRequest);
}
