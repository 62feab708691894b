using Microsoft.AspNetCore.Http;

namespace Ingestor.Serving.Pages;

/// <summary>
/// Where the pages link: record pages, list pages (a slice of <c>/jobs</c> by one filter of the list API), and the contract
/// endpoints that reproduce a page. Values are query-encoded here, once.
/// </summary>
internal static class PageLinks
{
    public const string Home = "/";
    public const string ListPages = "/jobs";
    private const string Api = "/job-postings/v1";

    public static string Record(string jobId) => $"{ListPages}/{jobId}";

    /// <summary>The list page of the postings whose <paramref name="filter"/> is <paramref name="value"/>, e.g. <c>/jobs?city=San%20Francisco</c>.</summary>
    public static string Slice(string filter, string value) => ListPages + QueryString.Create(filter, value);

    /// <summary>The same slice as JSON from the list API.</summary>
    public static string ApiSlice(string filter, string value) => $"{Api}/jobs" + QueryString.Create(filter, value);

    public static string ApiFacets(string filter, string value) => $"{Api}/jobs/facets" + QueryString.Create(filter, value);

    public static string ApiJob(string jobId) => $"{Api}/jobs/{jobId}?include=description";

    public static string ApiEvents(string jobId) => $"{Api}/jobs/{jobId}/events";

    public static string ApiOrg(Guid orgId) => $"{Api}/orgs/{orgId}";

    public static string ApiSource(Guid sourceId) => $"{Api}/sources/{sourceId}";
}
