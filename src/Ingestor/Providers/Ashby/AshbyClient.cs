using Ingestor.Providers.Http;
using Microsoft.Extensions.Options;

namespace Ingestor.Providers.Ashby;

/// <summary>
/// Fetches a whole Ashby job board, descriptions and pay included, in one request
/// (<c>GET posting-api/job-board/{name}?includeCompensation=true</c>).
/// </summary>
public sealed class AshbyClient(HttpClient http, IOptions<AshbyOptions> options, TimeProvider clock)
{
    public Task<BoardResponse> GetBoardAsync(string boardName, BoardValidators? validators, CancellationToken cancellationToken)
    {
        var url = BoardRequest.Resolve(options.Value.BaseUrl!, $"posting-api/job-board/{Uri.EscapeDataString(boardName)}?includeCompensation=true");
        return BoardRequest.GetAsync(http, options.Value, AshbyOptions.Section, url, validators, clock, cancellationToken);
    }
}
