using Ingestor.Serving.Slices;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;

namespace Ingestor.Tests.Serving;

/// <summary>How a slice's query string becomes a filter and a page request, or the problem that names what is wrong.</summary>
public sealed class JobFilterParsingTests
{
    private static readonly string[] Providers = ["ashby", "greenhouse", "lever", "smartrecruiters"];

    [Fact]
    public void EveryFilterIsReadIntoItsType()
    {
        var filter = Filter(
            "org_id=144222fa-e13c-4bb3-be7f-89ec0ca39bac&source_id=00cad292-f66b-476d-a9f7-2cd97898a6d0&provider=ashby&status=inactive" +
            "&city=S%C3%A3o%20Paulo&region=SP&country_code=br&department=R%26D&team=Platform&workplace_type=hybrid" +
            "&employment_type=full_time&is_remote=False&salary_currency=brl&salary_min_at_least=52.5" +
            "&posted_after=2026-06-01&changed_since=2026-06-01T14:00:00.25%2B02:00&q=Engineer%2C%20Backend");

        Assert.Equal(new JobFilter
        {
            OrgId = Guid.Parse("144222fa-e13c-4bb3-be7f-89ec0ca39bac"),
            SourceId = Guid.Parse("00cad292-f66b-476d-a9f7-2cd97898a6d0"),
            Provider = "ashby",
            Status = "inactive",
            City = "São Paulo",
            Region = "SP",
            CountryCode = "BR",
            Department = "R&D",
            Team = "Platform",
            WorkplaceType = "hybrid",
            EmploymentType = "full_time",
            IsRemote = false,
            SalaryCurrency = "BRL",
            SalaryMinAtLeast = 52.5m,
            PostedAfter = new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero),
            ChangedSince = new DateTimeOffset(2026, 6, 1, 12, 0, 0, 250, TimeSpan.Zero),
            Q = "Engineer, Backend",
        }, filter);
        Assert.Equal(TimeSpan.Zero, filter.ChangedSince!.Value.Offset);
    }

    [Fact]
    public void NoParametersIsEveryPostingFiftyAtATimeFromTheNewest()
    {
        Assert.True(JobPageRequest.TryParse(Query(""), Providers, out var request, out _));

        Assert.Equal(new JobPageRequest(new JobFilter(), 50, null), request);
    }

    [Fact]
    public void ATimeWithoutAnOffsetIsUtc()
    {
        Assert.Equal(new DateTimeOffset(2026, 6, 1, 14, 30, 0, TimeSpan.Zero), Filter("posted_after=2026-06-01T14:30:00").PostedAfter);
    }

    public static TheoryData<string, string, string> Problems => new()
    {
        { "titel=Engineer", "Unknown query parameter", "'titel' is not a parameter of this endpoint; it takes org_id, source_id, provider," },
        { "city=Dublin&city=London", "Repeated city", "city is given 2 times; give it once." },
        { "department=", "Empty department", "department is empty; leave it out to not filter by it." },
        { "org_id=144222fa", "Malformed org_id", "org_id must be a UUID" },
        { "provider=workday", "Malformed provider", "provider must be one of ashby, greenhouse, lever, smartrecruiters." },
        { "status=closed", "Malformed status", "status must be one of active, inactive." },
        { "workplace_type=office", "Malformed workplace_type", "workplace_type must be one of remote, hybrid, onsite." },
        { "is_remote=1", "Malformed is_remote", "is_remote must be true or false." },
        { "country_code=U1", "Malformed country_code", "country_code must be 2 letters such as US." },
        { "salary_currency=US", "Malformed salary_currency", "salary_currency must be 3 letters such as USD." },
        { "salary_min_at_least=1e5", "Malformed salary_min_at_least", "salary_min_at_least must be a number" },
        { "changed_since=2026-13-01", "Malformed changed_since", "changed_since must be an ISO 8601 date or time" },
        { "posted_after=2026-06-01T12:00:00 02:00", "Malformed posted_after", "posted_after must be an ISO 8601 date or time" },
        { "limit=-1", "Malformed limit", "limit must be a whole number from 1 to 500." },
        { "limit=1.5", "Malformed limit", "limit must be a whole number from 1 to 500." },
        { "cursor=%F0%9F%99%82", "Malformed cursor", "cursor must be the next_cursor of a page this endpoint returned." },
        // The first mistake is the one reported.
        { "status=open&limit=0", "Malformed status", "status must be" },
    };

    [Theory]
    [MemberData(nameof(Problems))]
    public void AProblemNamesTheParameter(string query, string title, string detail)
    {
        Assert.False(JobPageRequest.TryParse(Query(query), Providers, out var request, out var problem));

        Assert.Null(request);
        Assert.Equal(StatusCodes.Status400BadRequest, problem.StatusCode);
        Assert.Equal(title, problem.ProblemDetails.Title);
        Assert.StartsWith(detail, problem.ProblemDetails.Detail);
    }

    [Theory]
    [InlineData("limit=10")]
    [InlineData("cursor=AQ")]
    public void FacetsTakeFiltersOnly(string query)
    {
        Assert.False(JobFilter.TryParse(Query(query), Providers, out _, out var problem));

        Assert.Equal("Unknown query parameter", problem.ProblemDetails.Title);
        Assert.StartsWith($"'{query[..query.IndexOf('=')]}' is not a parameter of this endpoint", problem.ProblemDetails.Detail);
    }

    private static JobFilter Filter(string query)
    {
        Assert.True(JobFilter.TryParse(Query(query), Providers, out var filter, out var problem), problem?.ProblemDetails.Detail);
        return filter;
    }

    public static IQueryCollection Query(string query) => new QueryCollection(QueryHelpers.ParseQuery(query));
}
