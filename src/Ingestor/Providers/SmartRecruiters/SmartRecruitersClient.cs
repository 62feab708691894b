using System.Net;
using System.Text.Json;
using Ingestor.Providers.Http;
using Microsoft.Extensions.Options;

namespace Ingestor.Providers.SmartRecruiters;

/// <summary>
/// Walks a company's postings list (<c>GET v1/companies/{company}/postings?limit=100&amp;offset={n}</c>) until the offset reaches
/// <c>totalFound</c>, and fetches the details of the postings asked for (<c>GET v1/companies/{company}/postings/{id}</c>). A page
/// or a detail that fails after retries is kept as a failure in the envelope, never dropped silently.
/// </summary>
public sealed class SmartRecruitersClient(HttpClient http, IOptions<SmartRecruitersOptions> options, TimeProvider clock)
{
    private const int PageSize = 100;

    // A list that never reaches its total (a server that ignores the offset) is cut off rather than walked for ever.
    private const int MostPages = 1_000;

    /// <summary>
    /// The list pages as an envelope without details; or, when the first page fails, that answer, which says what became of the
    /// company (404, 429 …) as a single-request provider's would.
    /// </summary>
    public async Task<BoardResponse> GetListAsync(string company, CancellationToken cancellationToken)
    {
        // The first page answers for the company: a failure there fails the poll as a single-request provider's would.
        var first = await BoardRequest.GetAsync(http, options.Value, SmartRecruitersOptions.Section, PageUrl(company, 0), null, clock, cancellationToken);
        if (!first.IsSuccess)
            return first;

        var pages = new List<ListPageFetch> { new(0, first.Status, first.Body) };
        var offset = 0;
        for (var page = pages[0]; pages.Count < MostPages && Listed(page.Body) is { } listed && listed.Count > 0 && offset + listed.Count < listed.Total;)
        {
            offset += listed.Count;
            var response = await TryGetAsync(PageUrl(company, offset), cancellationToken);
            page = new ListPageFetch(offset, response?.Status, response?.Body ?? []);
            pages.Add(page);
            if (response is not { IsSuccess: true })
                break;
        }
        var envelope = SmartRecruitersEnvelope.Build(company, pages, []);
        return new BoardResponse(HttpStatusCode.OK, envelope, first.ReceivedAt, ContentEncoding: first.ContentEncoding);
    }

    /// <summary>The detail of each posting named, fetched a few at a time; each failure is kept as one.</summary>
    /// <summary>A posting's own detail, asked before it closes on its absence from the list: 404 means it is gone.</summary>
    public Task<JobCheck> CheckPostingAsync(string company, string id, TimeSpan timeout, CancellationToken cancellationToken) =>
        JobCheckRequest.GetAsync(http, DetailUrl(company, id), notFoundIsAuthoritative: true, timeout, clock, cancellationToken);

    public async Task<IReadOnlyList<DetailFetch>> GetDetailsAsync(string company, IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        var details = new DetailFetch[ids.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Value.MaxConcurrentRequests, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(ids.Select((id, index) => (id, index)), parallel, async (item, token) =>
        {
            var response = await TryGetAsync(DetailUrl(company, item.id), token);
            details[item.index] = new DetailFetch(item.id, response?.Status, response?.Body ?? []);
        });
        return details;
    }

    private Uri DetailUrl(string company, string id) =>
        BoardRequest.Resolve(options.Value.BaseUrl!, $"v1/companies/{Uri.EscapeDataString(company)}/postings/{Uri.EscapeDataString(id)}");

    private Uri PageUrl(string company, int offset) =>
        BoardRequest.Resolve(options.Value.BaseUrl!, $"v1/companies/{Uri.EscapeDataString(company)}/postings?limit={PageSize}&offset={offset}");

    // A request that got no answer after retries (timeout, refused, circuit open) is a failure to record, like a 5xx.
    private async Task<BoardResponse?> TryGetAsync(Uri url, CancellationToken cancellationToken)
    {
        try
        {
            return await BoardRequest.GetAsync(http, options.Value, SmartRecruitersOptions.Section, url, null, clock, cancellationToken);
        }
        catch (Exception e) when (NoAnswer.Is(e, cancellationToken))
        {
            return null;
        }
    }

    private sealed record PageCount(int Count, long Total);

    /// <summary>How many postings a page lists and the total it declares; null when it is not a page.</summary>
    private static PageCount? Listed(byte[] body)
    {
        try
        {
            using var page = JsonDocument.Parse(body);
            return page.RootElement.Property("content") is { ValueKind: JsonValueKind.Array } content && page.RootElement.Int64("totalFound") is { } total
                ? new PageCount(content.GetArrayLength(), total)
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
