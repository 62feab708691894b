using System.Text.Json;
using System.Text.Json.Serialization;
using Ingestor.Serving.Access;
using Ingestor.Serving.Feed;
using Ingestor.Serving.OpenApi;
using Ingestor.Serving.Slices;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Ingestor.Serving;

public static class ReadApiRegistration
{
    public static IHostApplicationBuilder AddReadApi(this IHostApplicationBuilder builder)
    {
        builder.Services.ConfigureHttpJsonOptions(json =>
        {
            // The record's own names: job_id, first_seen_at, event_fields.
            json.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            // Numbers are written as numbers, and the OpenAPI schemas, made from these options, say so (not "integer or string").
            json.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
        });
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<DatabaseUnavailableHandler>();
        builder.Services.AddDatabaseHealthCheck();
        builder.Services.AddSingleton<OrgRecords>();
        builder.Services.AddSingleton<SourceRecords>();
        builder.Services.AddSingleton<PostingSlices>();
        builder.Services.AddSingleton<ChangeFeed>();
        builder.Services.AddReadApiAccess();
        builder.Services.AddApiDocument();
        // The record pages: Razor components rendered on the server (RazorComponentResult), no interactivity.
        builder.Services.AddRazorComponents();
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
