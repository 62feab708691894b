using Ingestor.Serving.OpenApi;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.Routing;
using Microsoft.OpenApi;

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
        api.MapGet("/jobs", GetPageAsync)
            .WithName("listJobs")
            .WithSummary("A slice of postings, one page at a time, newest first")
            .WithDescription(
                "The postings every filter given matches, newest first (by first_seen_at, then job_id), as the records /jobs/{job_id} " +
                "serves. next_cursor is null on the last page; until then the Link header (rel=\"next\") holds the next page's URL. " +
                "A posting keeps its place while the worker writes, so a walk never serves one twice or skips one that still matches; " +
                "postings opened during a walk are left to the next.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithQuery(JobSliceParameters.Page)
            .AddOpenApiOperationTransformer(DescribeNextPageLink);
        api.MapGet("/jobs/facets", GetFacetsAsync)
            .WithName("getJobFacets")
            .WithSummary("A slice of postings counted by value")
            .WithDescription(
                "How many postings the filters given match (total), and how many of them have each provider, country code, region, " +
                "city, department, workplace type and employment type, most first; a null value counts the postings without one.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithQuery(JobSliceParameters.Filter);
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

    private static Task DescribeNextPageLink(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (operation.Responses?["200"] is OpenApiResponse page)
            page.Headers = new Dictionary<string, IOpenApiHeader>
            {
                ["Link"] = new OpenApiHeader
                {
                    Description = "<the next page's URL>; rel=\"next\", while pages follow (absent on the last page).",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                },
            };
        return Task.CompletedTask;
    }

    /// <summary>The same request with the next page's cursor, relative to this server.</summary>
    private static string NextPage(HttpRequest request, string cursor)
    {
        var query = new QueryBuilder(request.Query.Where(parameter => parameter.Key != "cursor")) { { "cursor", cursor } };
        return UriHelper.BuildRelative(request.PathBase, request.Path, query.ToQueryString());
    }
}
