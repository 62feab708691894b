using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ingestor.Serving.Slices;

/// <summary>One page of a slice: its filter, how many postings at most, and after which one (none: from the newest).</summary>
public sealed record JobPageRequest(JobFilter Filter, int Limit, JobCursor? After)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 500;

    /// <summary>The filters, <c>limit</c> and <c>cursor</c> of a query string, or the problem with the first bad one.</summary>
    public static bool TryParse(
        IQueryCollection query, IEnumerable<string> providers, [NotNullWhen(true)] out JobPageRequest? request, [NotNullWhen(false)] out ProblemHttpResult? problem)
    {
        var parameters = new QueryParameters(query);
        var filter = JobFilter.Read(parameters, providers);
        var limit = parameters.WholeNumber("limit", 1, MaxLimit) ?? DefaultLimit;
        var cursor = parameters.Text("cursor");
        parameters.RefuseUnknown();
        JobCursor? after = null;
        if (parameters.Problem is null && cursor is not null && !JobCursor.TryDecode(cursor, filter, out after, out var cursorProblem))
            parameters.Refuse<JobCursor>(cursorProblem);

        request = parameters.Problem is null ? new JobPageRequest(filter, limit, after) : null;
        problem = parameters.Problem;
        return request is not null;
    }
}
