using Ingestor.Providers;
using Ingestor.Serving.Slices;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Primitives;

namespace Ingestor.Serving.Pages;

/// <summary>
/// <c>GET /jobs?…</c>: a slice of the postings as a page, one page of it at a time with its breakdowns, parsed and read by
/// <see cref="PostingSlices"/> exactly as <c>GET /job-postings/v1/jobs</c> does, so a bad filter or cursor is the same 400,
/// as a page. Two things the page forgives, being for people: a blank field (a form left empty) does not filter, and the
/// tracking parameters of a shared link (<c>utm_*</c>) are ignored.
/// </summary>
public static class ListPages
{
    private const string TrackingPrefix = "utm_";

    public static WebApplication MapListPages(this WebApplication app)
    {
        app.MapGet(PageLinks.ListPages, ListAsync).ExcludeFromDescription();
        return app;
    }

    // ProviderCatalog is marked as a service: its TryParse (of board names) would otherwise read as a query-value parser.
    private static async Task<IResult> ListAsync(
        HttpRequest request, PostingSlices slices, OrgRecords orgs, SourceRecords sources, [FromServices] ProviderCatalog providers,
        CancellationToken cancellationToken)
    {
        var query = ForPeople(request.Query);
        if (!slices.TryParsePage(query, out var pageRequest, out var problem))
            return ProblemPage.For(problem);

        var filter = pageRequest.Filter;
        var page = slices.PageAsync(pageRequest, cancellationToken);
        var facets = slices.FacetsAsync(filter, cancellationToken);
        var org = filter.OrgId is { } orgId ? orgs.FindAsync(orgId, cancellationToken) : Task.FromResult<OrgRecord?>(null);
        var source = filter.SourceId is { } sourceId ? sources.FindAsync(sourceId, cancellationToken) : Task.FromResult<SourceRecord?>(null);
        await Task.WhenAll(page, facets, org, source);

        var model = new ListPageModel(
            [.. query.Select(parameter => new KeyValuePair<string, string>(parameter.Key, parameter.Value.ToString()))],
            await page, await facets, Title(filter, await org, await source, providers), providers.DisplayNameOf, PageLinks.Origin(request));
        return new RazorComponentResult<ListPage>(new { Model = model });
    }

    /// <summary>The query without blank values and tracking parameters; everything else is left for the parser to judge.</summary>
    private static QueryCollection ForPeople(IQueryCollection query) => new(
        query.Where(parameter => !parameter.Key.StartsWith(TrackingPrefix, StringComparison.OrdinalIgnoreCase))
            .Select(parameter => KeyValuePair.Create(parameter.Key, new StringValues([.. parameter.Value.Where(value => !string.IsNullOrWhiteSpace(value))])))
            .Where(parameter => parameter.Value.Count > 0)
            .ToDictionary());

    /// <summary>
    /// The slice in words, from the filters that read as such: "Active Greenhouse jobs at fal in San Francisco". The page lists
    /// every filter besides. An org or board nobody has is named by its id (its slice is empty, as in the API).
    /// </summary>
    private static string Title(JobFilter filter, OrgRecord? org, SourceRecord? source, ProviderCatalog providers)
    {
        var kind = new[] { filter.Status, filter.WorkplaceType, filter.Provider is { } provider ? providers.DisplayNameOf(provider) : null, "jobs" }
            .OfType<string>()
            .ToList();
        var where = new[]
        {
            filter.OrgId is { } orgId ? $"at {org?.Name ?? orgId.ToString()}" : null,
            filter.SourceId is { } sourceId ? $"on the board {(source is null ? sourceId.ToString() : $"{source.Provider}:{source.BoardToken}")}" : null,
            filter.Department is { } department ? $"in {department}" : null,
            filter.City is { } city ? $"in {city}" : null,
            filter.Region is { } region ? $"in {region}" : null,
            filter.CountryCode is { } country ? $"in {country}" : null,
        }.OfType<string>();
        var words = string.Join(' ', kind.Concat(where));
        return filter == new JobFilter() ? "All jobs" : PageText.Capitalized(words);
    }
}
