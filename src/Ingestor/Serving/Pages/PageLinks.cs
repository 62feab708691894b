using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;

namespace Ingestor.Serving.Pages;

/// <summary>
/// Where the pages link: record pages, list pages (a slice of <c>/jobs</c> by the filters of the list API), and the contract
/// endpoints that reproduce a page. Values are query-encoded here, once.
/// </summary>
internal static class PageLinks
{
    public const string Home = "/";
    public const string ListPages = "/jobs";
    private const string Api = "/job-postings/v1";

    public static string Record(string jobId) => $"{ListPages}/{jobId}";

    /// <summary>The list page of the postings whose <paramref name="filter"/> is <paramref name="value"/>, e.g. <c>/jobs?city=San%20Francisco</c>.</summary>
    public static string Slice(string filter, string value) => Slice([new(filter, value)]);

    /// <summary>The list page of a slice given by several parameters (filters, <c>limit</c>, <c>cursor</c>), in their order.</summary>
    public static string Slice(IEnumerable<KeyValuePair<string, string>> parameters) => ListPages + new QueryBuilder(parameters).ToQueryString();

    /// <summary>A company's breakdowns: its list page, at the counts by value.</summary>
    public static string Breakdowns(Guid orgId) => Slice("org_id", orgId.ToString()) + "#" + ListPageModel.FacetsAnchor;

    /// <summary>The same slice as JSON from the list API.</summary>
    public static string ApiSlice(string filter, string value) => ApiSlice([new(filter, value)]);

    public static string ApiSlice(IEnumerable<KeyValuePair<string, string>> parameters) => $"{Api}/jobs" + new QueryBuilder(parameters).ToQueryString();

    public static string ApiFacets(IEnumerable<KeyValuePair<string, string>> filters) => $"{Api}/jobs/facets" + new QueryBuilder(filters).ToQueryString();

    public static string ApiJob(string jobId) => $"{Api}/jobs/{jobId}?include=description";

    public static string ApiEvents(string jobId) => $"{Api}/jobs/{jobId}/events";

    public static string ApiOrg(Guid orgId) => $"{Api}/orgs/{orgId}";

    public static string ApiSource(Guid sourceId) => $"{Api}/sources/{sourceId}";

    /// <summary>Where this server was reached, to write the API calls of a page as full addresses to copy.</summary>
    public static string Origin(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}";
}
