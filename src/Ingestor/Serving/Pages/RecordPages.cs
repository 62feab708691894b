using Ingestor.Providers;
using Ingestor.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Ingestor.Serving.Pages;

/// <summary>
/// The pages a person reads: <c>/</c> and a posting's record page <c>/jobs/{job_id}</c>, rendered on the server from the same
/// queries as the JSON endpoints. A page takes no query parameters and ignores any (a shared link often carries a few);
/// a malformed or unknown id is an error page with the API's words and status.
/// </summary>
public static class RecordPages
{
    public static WebApplication MapRecordPages(this WebApplication app)
    {
        app.MapGet(PageLinks.Home, HomeAsync).ExcludeFromDescription();
        app.MapGet($"{PageLinks.ListPages}/{{job_id}}", RecordAsync).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> HomeAsync(PostingRecords postings, CancellationToken cancellationToken) =>
        new RazorComponentResult<HomePage>(new { Totals = await postings.TotalsAsync(cancellationToken) });

    // ProviderCatalog is marked as a service: its TryParse (of board names) would otherwise read as a route-value parser.
    private static async Task<IResult> RecordAsync(
        [FromRoute(Name = "job_id")] string jobId, HttpRequest request, PostingRecords postings, OrgRecords orgs, SourceRecords sources,
        [FromServices] ProviderCatalog providers, CancellationToken cancellationToken)
    {
        if (!RecordIds.IsJobId(jobId))
            return ProblemPage(RecordIds.Malformed("job_id", RecordIds.JobIdShape));
        if (await postings.PostingAsync(jobId, cancellationToken) is not { } posting)
            return ProblemPage(RecordIds.Unknown("job_id", jobId));

        var events = postings.EventsAsync(jobId, cancellationToken);
        var org = orgs.FindAsync(posting.OrgId, cancellationToken);
        var source = sources.FindAsync(posting.SourceId, cancellationToken);
        await Task.WhenAll(events, org, source);
        // A posting's company and board are foreign keys and its opening event is written with it: all three are there.
        var model = new RecordPageModel(
            JobRecord.From(posting), posting.DescriptionText, await events ?? [], (await org)!, (await source)!,
            providers.DisplayNameOf(posting.Provider), $"{request.Scheme}://{request.Host}{request.PathBase}");
        return new RazorComponentResult<RecordPage>(new { Model = model });
    }

    private static RazorComponentResult<ProblemPage> ProblemPage(ProblemHttpResult problem) =>
        new(new { Status = problem.StatusCode, problem.ProblemDetails.Title, problem.ProblemDetails.Detail }) { StatusCode = problem.StatusCode };
}
