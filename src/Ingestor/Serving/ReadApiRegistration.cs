using System.Text.Json;
using Ingestor.Serving.Feed;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Ingestor.Serving;

public static class ReadApiRegistration
{
    public static IHostApplicationBuilder AddReadApi(this IHostApplicationBuilder builder)
    {
        // The record's own names: job_id, first_seen_at, event_fields.
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower);
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<DatabaseUnavailableHandler>();
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("postgres", tags: [DatabaseHealthCheck.ReadyTag]);
        builder.Services.AddSingleton<OrgRecords>();
        builder.Services.AddSingleton<SourceRecords>();
        builder.Services.AddSingleton<ChangeFeed>();
        return builder;
    }

    /// <summary>
    /// Every failure answers as RFC 9457 problem details: an exception (503 when the database cannot be reached, else a bare
    /// 500 with no stack trace) and an empty error status such as an unknown route's 404.
    /// </summary>
    public static WebApplication UseReadApiErrors(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }
}
