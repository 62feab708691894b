using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Ingestor.Serving.Slices;

/// <summary>
/// <c>GET /jobs</c>, a slice of postings one page at a time (<c>{"data": [...], "next_cursor": ...}</c>, plus a
/// <c>Link: rel="next"</c> header while pages follow), and <c>GET /jobs/facets</c>, the same slice counted by value.
/// </summary>
public static class JobSlicesApi
{
    public static RouteGroupBuilder MapJobSlices(this RouteGroupBuilder api)
    {
        // A literal segment outranks a route parameter, so /jobs/facets never reaches /jobs/{job_id}.
        api.MapGet("/jobs", GetPageAsync);
        api.MapGet("/jobs/facets", GetFacetsAsync);
        return api;
    }

    private static async Task<Results<Ok<JobPage>, ProblemHttpResult>> GetPageAsync(
        HttpContext context, PostingSlices slices, CancellationToken cancellationToken)
    {
        if (!slices.TryParsePage(context.Request.Query, out var request, out var problem))
            return problem;
        var page = await slices.PageAsync(request, cancellationToken);
        if (page.NextCursor is { } next)
            context.Response.Headers.Link = $"<{NextPage(context.Request, next)}>; rel=\"next\"";
        return TypedResults.Ok(page);
    }

    private static async Task<Results<Ok<JobFacets>, ProblemHttpResult>> GetFacetsAsync(
        HttpRequest request, PostingSlices slices, CancellationToken cancellationToken) =>
        slices.TryParseFilter(request.Query, out var filter, out var problem)
            ? TypedResults.Ok(await slices.FacetsAsync(filter, cancellationToken))
            : problem;

    /// <summary>The same request with the next page's cursor, relative to this server.</summary>
    private static string NextPage(HttpRequest request, string cursor)
    {
        var query = new QueryBuilder(request.Query.Where(parameter => parameter.Key != "cursor")) { { "cursor", cursor } };
        return UriHelper.BuildRelative(request.PathBase, request.Path, query.ToQueryString());
    }
}
