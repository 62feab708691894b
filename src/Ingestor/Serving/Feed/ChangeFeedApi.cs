using System.Globalization;
using Ingestor.Providers;
using Ingestor.Serving.OpenApi;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Ingestor.Serving.Feed;

public static class ChangeFeedApi
{
    public const int DefaultLimit = 50;

    // A page is one index range scan and a few hundred kilobytes at most: bounded time and memory per request. The same
    // bounds as the job lists, so a consumer learns one rule.
    public const int MaxLimit = 500;

    private static readonly string[] EventTypes = ["opened", "updated", "closed", "reopened"];

    public static IEndpointRouteBuilder MapChangeFeed(this IEndpointRouteBuilder api)
    {
        api.MapGet("/events", GetEventsAsync)
            .WithName("listEvents")
            .WithSummary("The change feed: every posting's lifecycle events, in the order they were written")
            .WithDescription(
                "Follow next_cursor from the first page (no cursor) to get each event of every board exactly once. next_cursor is " +
                "always present and never passes an event not yet served: a consumer that has caught up asks again later from it. " +
                "Events are in the order their transactions began writing; a posting's own events are numbered (event_id) in the " +
                "order they happened, so apply an event only above the last event_id applied to that posting. Empty parameters " +
                "count as absent.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithQuery(services =>
            [
                QueryDescription.Cursor(
                    "Opaque: the next_cursor of the previous page, sent with the same event_type and provider. Left out: the beginning of the feed."),
                QueryDescription.Limit(DefaultLimit, MaxLimit),
                QueryDescription.OneOf("event_type", EventTypes, "Only events of this type."),
                QueryDescription.OneOf("provider", services.GetRequiredService<ProviderCatalog>().Names, "Only events of postings of this provider's boards."),
            ]);
        return api;
    }

    /// <summary>
    /// The change feed: every posting's lifecycle events, of every board, in the order their transactions wrote them. Follow
    /// <c>next_cursor</c> from the first page (no cursor) to get each event exactly once, including events whose transaction
    /// committed after a later one's. Only events written before the oldest writing transaction still open on the database
    /// server are served, so a long-running writing transaction, in any database of that server, holds the feed back until it
    /// ends (read-only transactions do not).
    /// The order is the order in which transactions began writing, which can differ from the order they committed in; a
    /// posting's own events are numbered (event_id) in the order they happened, so a consumer keeping a posting's state applies
    /// an event only above the last event_id it applied to that posting. <c>next_cursor</c> is always present and never passes
    /// an event not yet served; once caught up it may still move on, past events the filters leave out and up to the
    /// watermark. It binds <c>event_type</c> and <c>provider</c>, which must be sent again unchanged with it. Empty parameters
    /// count as absent.
    /// </summary>
    private static async Task<Results<Ok<FeedPage>, ProblemHttpResult>> GetEventsAsync(
        HttpRequest request, ChangeFeed feed, [FromServices] ProviderCatalog providers,
        [FromQuery(Name = "cursor")] string? cursor, [FromQuery(Name = "limit")] string? limit,
        [FromQuery(Name = "event_type")] string? eventType, [FromQuery(Name = "provider")] string? provider,
        CancellationToken cancellationToken)
    {
        if (JobPostingsApi.UnknownQueryProblem(request, "cursor", "limit", "event_type", "provider") is { } unknownParameter)
            return unknownParameter;
        eventType = NullIfEmpty(eventType);
        provider = NullIfEmpty(provider);
        if (eventType is not null && !EventTypes.Contains(eventType))
            return RecordIds.Malformed("event_type", $"one of {string.Join(", ", EventTypes)}");
        if (provider is not null && !providers.Names.Contains(provider))
            return RecordIds.Malformed("provider", $"one of {string.Join(", ", providers.Names)}");

        var pageSize = DefaultLimit;
        if (NullIfEmpty(limit) is { } limitText
            && !(int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) && pageSize is >= 1 and <= MaxLimit))
            return RecordIds.Malformed("limit", $"a whole number from 1 to {MaxLimit}");

        var after = FeedCursor.Start(eventType, provider);
        if (NullIfEmpty(cursor) is { } cursorText)
        {
            if (!FeedCursor.TryDecode(cursorText, out after))
                return RecordIds.Malformed("cursor", "a next_cursor this endpoint returned");
            if (!after.IsFor(eventType, provider))
                return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Cursor of other filters",
                    detail: $"cursor was returned for event_type={after.EventType ?? "(any)"} and provider={after.Provider ?? "(any)"}; " +
                            "send those again with it, or start without a cursor to read with other filters.");
        }

        return TypedResults.Ok(await feed.ReadAsync(after, pageSize, cancellationToken));
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
