using Ingestor.Serving.Slices;

namespace Ingestor.Serving.Pages;

/// <summary>
/// What a list page shows: one page of a slice and the slice's breakdowns, read by the same queries as the two list API
/// calls that reproduce it, and the links around it (the next page, the first, the slice narrowed by a value or widened by
/// a filter less). <paramref name="Query"/> is the page's query string as read (filters, then <c>limit</c> and <c>cursor</c>).
/// </summary>
public sealed record ListPageModel(
    IReadOnlyList<KeyValuePair<string, string>> Query, JobPage Page, JobFacets Facets, string Title, Func<string, string> ProviderName, string ApiOrigin)
{
    public const string FacetsAnchor = "facets";
    private const string Limit = "limit";
    private const string Cursor = "cursor";

    /// <summary>The parameters that choose the slice (not where a page of it starts or how long it is).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Filters => [.. Query.Where(parameter => parameter.Key is not (Limit or Cursor))];

    public bool IsFirstPage => !Query.Any(parameter => parameter.Key == Cursor);

    public string FirstPage => PageLinks.Slice(Without(Cursor));

    public string? NextPage => Page.NextCursor is { } next ? PageLinks.Slice([.. Without(Cursor), new(Cursor, next)]) : null;

    /// <summary>The slice without one of its filters, from its first page.</summary>
    public string Widened(string filter) => PageLinks.Slice(Without(filter, Cursor));

    /// <summary>The slice narrowed to the postings whose <paramref name="facet"/> is <paramref name="value"/> (replacing a filter of that name).</summary>
    public string Narrowed(string facet, string value) => PageLinks.Slice([.. Without(facet, Cursor), new(facet, value)]);

    public sealed record Row(string JobId, string Title, string Href, string Company, string Place, string Status, string Salary, string FirstSeen);

    public IReadOnlyList<Row> Rows =>
    [
        .. Page.Data.Select(job => new Row(
            job.JobId, job.Title, PageLinks.Record(job.JobId), PageText.Capitalized(job.CompanyName),
            PageText.Place(job.City, job.Region, job.Country, job.IsRemote), job.Status,
            PageText.Salary(job.SalaryMin, job.SalaryMax, job.SalaryCurrency, job.SalaryPeriod), PageText.Date(job.FirstSeenAt))),
    ];

    public sealed record Facet(string Name, string Heading, IReadOnlyList<FacetValue> Values);

    /// <summary>A value of a facet and how many postings have it; a link narrows the slice to them (none for "not given").</summary>
    public sealed record FacetValue(string? Value, string Text, int Count, string? Href);

    public IReadOnlyList<Facet> Breakdowns =>
    [
        Breakdown("provider", "ATS provider", Facets.Provider, ProviderName),
        Breakdown("country_code", "Country", Facets.CountryCode),
        Breakdown("region", "Region", Facets.Region),
        Breakdown("city", "City", Facets.City),
        Breakdown("department", "Department", Facets.Department),
        Breakdown("workplace_type", "Work model", Facets.WorkplaceType),
        Breakdown("employment_type", "Employment type", Facets.EmploymentType),
    ];

    /// <summary>The two list API calls that reproduce the page: this page of the slice, and its breakdowns.</summary>
    public IReadOnlyList<FieldRow> ApiCalls =>
        new[] { PageLinks.ApiSlice(Query), PageLinks.ApiFacets(Filters) }
            .Select(path => new FieldRow("GET", ApiOrigin + path, path))
            .ToList();

    private Facet Breakdown(string name, string heading, IReadOnlyList<JobFacets.Bucket> buckets, Func<string, string>? text = null) =>
        new(name, heading, [.. buckets.Select(bucket => bucket.Value is { } value
            ? new FacetValue(value, text?.Invoke(value) ?? value, bucket.Count, Narrowed(name, value))
            : new FacetValue(null, PageText.Missing, bucket.Count, null))]);

    private IEnumerable<KeyValuePair<string, string>> Without(params string[] names) => Query.Where(parameter => !names.Contains(parameter.Key));
}
