using System.Net;
using System.Text.Json.Nodes;

namespace Ingestor.Tests.Serving;

/// <summary><c>GET /job-postings/v1/jobs/facets</c>: a slice counted by value, agreeing with the list of the same slice.</summary>
[Collection(SlicedBoards.Collection)]
public sealed class JobFacetTests(SlicedBoards boards)
{
    private static readonly string[] FacetNames = ["provider", "country_code", "region", "city", "department", "workplace_type", "employment_type"];

    [Fact]
    public async Task EachFacetCountsEveryPostingOfTheSliceOnceMostFirst()
    {
        var facets = await boards.Api.FacetsAsync("");

        Assert.Equal(["total", .. FacetNames], facets.Select(field => field.Key));
        Assert.Equal(550, (int)facets["total"]!);
        foreach (var name in FacetNames)
        {
            var counts = facets[name]!.AsArray().Select(bucket => (int)bucket!["count"]!).ToList();
            Assert.Equal(550, counts.Sum());
            Assert.Equal(counts.OrderDescending(), counts);
            Assert.All(facets[name]!.AsArray(), bucket => Assert.Equal(["value", "count"], bucket!.AsObject().Select(field => field.Key)));
        }
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""[{"value":"greenhouse","count":550}]"""), facets["provider"]));
        var cities = await boards.Ingestor.QueryAsync<(string?, int)>("select city, count(*)::int from postings group by city");
        Assert.Equal(cities.ToHashSet(), facets["city"]!.AsArray().Select(b => ((string?)b!["value"], (int)b["count"]!)).ToHashSet());
    }

    [Fact]
    public async Task AFacetsCountsEqualTheListsCountsForTheSameFilter()
    {
        var company = $"org_id={boards.StripeOrgId}";
        var facets = await boards.Api.FacetsAsync(company);
        var list = await boards.Api.WalkAsync($"{company}&limit=500");

        Assert.Equal(list.Count, (int)facets["total"]!);
        // Each facet's three largest named values, listed with that value as one more filter, are as many as counted.
        foreach (var name in FacetNames)
            foreach (var bucket in facets[name]!.AsArray().Where(b => b!["value"] is not null).Take(3))
            {
                var value = (string)bucket!["value"]!;
                var slice = await boards.Api.WalkAsync($"{company}&{name}={Uri.EscapeDataString(value)}&limit=500");
                var again = await boards.Api.FacetsAsync($"{company}&{name}={Uri.EscapeDataString(value)}");
                Assert.True((int)bucket["count"]! == slice.Count, $"{name}={value}: counted {bucket["count"]}, listed {slice.Count}");
                Assert.Equal(slice.Count, (int)again["total"]!);
            }
    }

    [Fact]
    public async Task FacetsAreNotMistakenForAJobId()
    {
        using var response = await boards.Api.Client.GetAsync($"{JobSlicesClient.Facets}?source_id={boards.FalSourceId}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var facets = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
        Assert.Equal(3, (int)facets["total"]!);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""[{"value":"greenhouse","count":3}]"""), facets["provider"]));
    }
}
