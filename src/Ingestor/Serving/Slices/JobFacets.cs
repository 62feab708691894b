namespace Ingestor.Serving.Slices;

/// <summary>
/// A slice counted by value, the company breakdowns: how many postings have each provider, country code, region, city,
/// department, workplace type and employment type, most first (null counts the postings without one). Each facet's counts
/// add up to <see cref="Total"/>.
/// </summary>
public sealed record JobFacets(
    int Total,
    IReadOnlyList<JobFacets.Bucket> Provider,
    IReadOnlyList<JobFacets.Bucket> CountryCode,
    IReadOnlyList<JobFacets.Bucket> Region,
    IReadOnlyList<JobFacets.Bucket> City,
    IReadOnlyList<JobFacets.Bucket> Department,
    IReadOnlyList<JobFacets.Bucket> WorkplaceType,
    IReadOnlyList<JobFacets.Bucket> EmploymentType)
{
    public sealed record Bucket(string? Value, int Count);
}
