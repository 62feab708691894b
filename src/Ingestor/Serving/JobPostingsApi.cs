using System.Text.Json;
using Ingestor.Serving.Feed;
using Ingestor.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Ingestor.Serving;

/// <summary>The contract endpoints under <c>/job-postings/v1</c>: a posting, its events, its company and its board.</summary>
public static class JobPostingsApi
{
    private const string IncludeDescription = "description";

    public static WebApplication MapJobPostingsApi(this WebApplication app)
    {
        var api = app.MapGroup("/job-postings/v1");
        api.MapGet("/jobs/{job_id}", GetJobAsync);
        api.MapGet("/jobs/{job_id}/events", GetEventsAsync);
        api.MapGet("/orgs/{org_id}", GetOrgAsync);
        api.MapGet("/sources/{source_id}", GetSourceAsync);
        api.MapChangeFeed();
        return app;
    }

    private static async Task<IResult> GetJobAsync(
        [FromRoute(Name = "job_id")] string jobId, HttpContext context, PostingRecords postings, IOptions<JsonOptions> json, CancellationToken cancellationToken)
    {
        if (!RecordIds.IsJobId(jobId))
            return RecordIds.Malformed("job_id", RecordIds.JobIdShape);
        if (UnknownQueryProblem(context.Request, "include") is { } unknownParameter)
            return unknownParameter;
        var include = context.Request.Query["include"].SelectMany(value => value!.Split(',', StringSplitOptions.TrimEntries)).ToList();
        if (include.FirstOrDefault(value => value != IncludeDescription) is { } unknownInclude)
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Unknown include",
                detail: $"include takes '{IncludeDescription}'; '{unknownInclude}' is not something a job record can include.");

        var posting = await postings.PostingAsync(jobId, cancellationToken);
        if (posting is null)
            return RecordIds.Unknown("job_id", jobId);

        var record = JsonSerializer.SerializeToNode(JobRecord.From(posting), json.Value.SerializerOptions)!.AsObject();
        if (include.Contains(IncludeDescription))
        {
            record["description"] = posting.DescriptionText;
            record["description_html"] = posting.DescriptionHtml;
        }
        return RepresentationTag.Json(context, JsonSerializer.SerializeToUtf8Bytes(record, json.Value.SerializerOptions));
    }

    private sealed record JobEvents(string JobId, IReadOnlyList<PostingRecords.Event> Data);

    private static async Task<IResult> GetEventsAsync(
        [FromRoute(Name = "job_id")] string jobId, HttpRequest request, PostingRecords postings, CancellationToken cancellationToken)
    {
        if (!RecordIds.IsJobId(jobId))
            return RecordIds.Malformed("job_id", RecordIds.JobIdShape);
        if (UnknownQueryProblem(request) is { } unknownParameter)
            return unknownParameter;
        return await postings.EventsAsync(jobId, cancellationToken) is { } events
            ? TypedResults.Ok(new JobEvents(jobId, events))
            : RecordIds.Unknown("job_id", jobId);
    }

    private static async Task<IResult> GetOrgAsync(
        [FromRoute(Name = "org_id")] string orgId, HttpRequest request, OrgRecords orgs, CancellationToken cancellationToken)
    {
        if (!RecordIds.TryParseUuid(orgId, out var id))
            return RecordIds.Malformed("org_id", RecordIds.UuidShape);
        if (UnknownQueryProblem(request) is { } unknownParameter)
            return unknownParameter;
        return await orgs.FindAsync(id, cancellationToken) is { } org ? TypedResults.Ok(org) : RecordIds.Unknown("org_id", orgId);
    }

    private static async Task<IResult> GetSourceAsync(
        [FromRoute(Name = "source_id")] string sourceId, HttpRequest request, SourceRecords sources, CancellationToken cancellationToken)
    {
        if (!RecordIds.TryParseUuid(sourceId, out var id))
            return RecordIds.Malformed("source_id", RecordIds.UuidShape);
        if (UnknownQueryProblem(request) is { } unknownParameter)
            return unknownParameter;
        return await sources.FindAsync(id, cancellationToken) is { } source ? TypedResults.Ok(source) : RecordIds.Unknown("source_id", sourceId);
    }

    /// <summary>A parameter the endpoint does not know is refused by name, never silently ignored.</summary>
    internal static ProblemHttpResult? UnknownQueryProblem(HttpRequest request, params string[] known) =>
        request.Query.Keys.FirstOrDefault(key => !known.Contains(key)) is { } unknown
            ? TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Unknown query parameter",
                detail: $"'{unknown}' is not a parameter of this endpoint" + (known.Length == 0 ? "; it takes none." : $"; it takes {string.Join(", ", known)}."))
            : null;
}
