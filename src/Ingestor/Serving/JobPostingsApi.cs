using System.ComponentModel;
using System.Text.Json;
using Ingestor.Serving.Feed;
using Ingestor.Serving.Slices;
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
    private const string JobIdDescription = "40 lowercase hexadecimal characters: the SHA-1 of provider, board and the provider's job key.";

    public static WebApplication MapJobPostingsApi(this WebApplication app)
    {
        var api = app.MapGroup("/job-postings/v1").WithTags("Job postings");
        api.MapGet("/jobs/{job_id}", GetJobAsync)
            .RecordById<JobRecord>("getJob", "A job posting's record")
            .WithDescription(
                "The posting as the output record shows it, active or not: its facts, event fields, parsed and native structure. " +
                "The response carries an ETag; a request whose If-None-Match holds it is answered 304 with no body.")
            .Produces(StatusCodes.Status304NotModified);
        api.MapGet("/jobs/{job_id}/events", GetEventsAsync)
            .RecordById<JobEvents>("getJobEvents", "A job posting's lifecycle events, oldest first")
            .WithDescription("Each event (opened, updated, closed, reopened) names the archived payload that proved it.");
        api.MapGet("/orgs/{org_id}", GetOrgAsync)
            .RecordById<OrgRecord>("getOrg", "A company: its boards and how many of its postings are active");
        api.MapGet("/sources/{source_id}", GetSourceAsync)
            .RecordById<SourceRecord>("getSource", "A board: its provider, token and company, and the health of its polls");
        api.MapJobSlices();
        api.MapChangeFeed();
        return app;
    }

    private static async Task<IResult> GetJobAsync(
        [FromRoute(Name = "job_id"), Description(JobIdDescription)] string jobId,
        [FromQuery(Name = "include"), Description("'description' adds the posting's description as plain text (description) and as HTML (description_html).")]
        string[]? include,
        HttpContext context, PostingRecords postings, IOptions<JsonOptions> json, CancellationToken cancellationToken)
    {
        if (!RecordIds.IsJobId(jobId))
            return RecordIds.Malformed("job_id", RecordIds.JobIdShape);
        if (UnknownQueryProblem(context.Request, "include") is { } unknownParameter)
            return unknownParameter;
        var included = (include ?? []).SelectMany(value => value.Split(',', StringSplitOptions.TrimEntries)).ToList();
        if (included.FirstOrDefault(value => value != IncludeDescription) is { } unknownInclude)
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Unknown include",
                detail: $"include takes '{IncludeDescription}'; '{unknownInclude}' is not something a job record can include.");

        var posting = await postings.PostingAsync(jobId, cancellationToken);
        if (posting is null)
            return RecordIds.Unknown("job_id", jobId);

        var record = JsonSerializer.SerializeToNode(JobRecord.From(posting), json.Value.SerializerOptions)!.AsObject();
        if (included.Contains(IncludeDescription))
        {
            record["description"] = posting.DescriptionText;
            record["description_html"] = posting.DescriptionHtml;
        }
        return RepresentationTag.Json(context, JsonSerializer.SerializeToUtf8Bytes(record, json.Value.SerializerOptions));
    }

    private sealed record JobEvents(string JobId, IReadOnlyList<PostingRecords.Event> Data);

    private static async Task<IResult> GetEventsAsync(
        [FromRoute(Name = "job_id"), Description(JobIdDescription)] string jobId, HttpRequest request, PostingRecords postings, CancellationToken cancellationToken)
    {
        if (!RecordIds.IsJobId(jobId))
            return RecordIds.Malformed("job_id", RecordIds.JobIdShape);
        if (UnknownQueryProblem(request) is { } unknownParameter)
            return unknownParameter;
        return await postings.EventsAsync(jobId, cancellationToken) is { } events
            ? TypedResults.Ok(new JobEvents(jobId, events))
            : RecordIds.Unknown("job_id", jobId);
    }

    private static Task<IResult> GetOrgAsync(
        [FromRoute(Name = "org_id"), Description("The company's UUID.")] string orgId, HttpRequest request, OrgRecords orgs, CancellationToken cancellationToken) =>
        RecordByUuidAsync("org_id", orgId, request, id => orgs.FindAsync(id, cancellationToken));

    private static Task<IResult> GetSourceAsync(
        [FromRoute(Name = "source_id"), Description("The board's UUID.")] string sourceId, HttpRequest request, SourceRecords sources, CancellationToken cancellationToken) =>
        RecordByUuidAsync("source_id", sourceId, request, id => sources.FindAsync(id, cancellationToken));

    /// <summary>A record named by a UUID: 400 for a malformed id or any query parameter, 404 for an id nobody has.</summary>
    private static async Task<IResult> RecordByUuidAsync<TRecord>(string name, string value, HttpRequest request, Func<Guid, Task<TRecord?>> find)
        where TRecord : class
    {
        if (!RecordIds.TryParseUuid(value, out var id))
            return RecordIds.Malformed(name, RecordIds.UuidShape);
        if (UnknownQueryProblem(request) is { } unknownParameter)
            return unknownParameter;
        return await find(id) is { } record ? TypedResults.Ok(record) : RecordIds.Unknown(name, value);
    }

    internal static ProblemHttpResult? UnknownQueryProblem(HttpRequest request, params string[] known) => UnknownQueryProblem(request.Query, known);

    /// <summary>What a record read by its id answers, for the OpenAPI document: the record, or a malformed (400) or unknown (404) id.</summary>
    private static RouteHandlerBuilder RecordById<TRecord>(this RouteHandlerBuilder endpoint, string operationId, string summary) => endpoint
        .WithName(operationId)
        .WithSummary(summary)
        .Produces<TRecord>()
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status404NotFound);

    /// <summary>A parameter the endpoint does not know is refused by name, never silently ignored.</summary>
    internal static ProblemHttpResult? UnknownQueryProblem(IQueryCollection query, params string[] known) =>
        query.Keys.FirstOrDefault(key => !known.Contains(key)) is { } unknown
            ? TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Unknown query parameter",
                detail: $"'{unknown}' is not a parameter of this endpoint" + (known.Length == 0 ? "; it takes none." : $"; it takes {string.Join(", ", known)}."))
            : null;
}
