using Ingestor.Providers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;
using static Ingestor.Serving.OpenApi.QueryDescription;

namespace Ingestor.Serving.Slices;

/// <summary>
/// The query parameters <see cref="JobFilter"/> and <see cref="JobPageRequest"/> read, as the OpenAPI document describes them.
/// Every parameter is given at most once and never empty (either is a 400 naming it), and one the endpoint does not take is
/// refused by name.
/// </summary>
internal static class JobSliceParameters
{
    public static IEnumerable<OpenApiParameter> Filter(IServiceProvider services) =>
    [
        Uuid("org_id", "Only the postings of this company."),
        Uuid("source_id", "Only the postings of this board."),
        OneOf("provider", services.GetRequiredService<ProviderCatalog>().Names, "Only the postings of this provider's boards."),
        OneOf("status", JobFilter.Statuses, "Only active postings (listed on their board) or only inactive ones (closed)."),
        Exactly("city", "San Francisco"),
        Exactly("region", "CA"),
        Code("country_code", 2, "Only postings in this country, by its two-letter code (US), in any case."),
        Exactly("department", "Engineering"),
        Exactly("team", "Platform"),
        OneOf("workplace_type", JobFilter.WorkplaceTypes, "Only postings of this workplace type."),
        Exactly("employment_type", "full_time"),
        Boolean("is_remote", "Only remote postings (true) or only the others (false)."),
        Code("salary_currency", 3, "Only postings paid in this currency, by its three-letter code (USD), in any case."),
        Amount("salary_min_at_least", "Only postings whose salary_min is at least this, in their own currency and period; postings without one drop out."),
        Time("posted_after", "Only postings whose source_posted_at is at or after this time; a date alone is midnight UTC, a time without offset is UTC."),
        Time("changed_since", "Only postings whose last_changed_at is at or after this time; a date alone is midnight UTC, a time without offset is UTC."),
        Text("q", "Only postings whose title or company name contains this text, ignoring case (% and _ match themselves)."),
    ];

    public static IEnumerable<OpenApiParameter> Page(IServiceProvider services) =>
    [
        .. Filter(services),
        Limit(JobPageRequest.DefaultLimit, JobPageRequest.MaxLimit),
        Cursor("Opaque: the next_cursor of the previous page, sent with the same filters. Left out: the first page."),
    ];

    /// <summary>A field matched as stored, which the records and the facets show (a facet's value is a valid filter).</summary>
    private static OpenApiParameter Exactly(string field, string example) =>
        Text(field, $"Only postings whose {field} is exactly this, as records and facets spell it (such as {example}).");
}
