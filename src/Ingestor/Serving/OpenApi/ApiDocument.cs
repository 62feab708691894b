using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Scalar.AspNetCore;

namespace Ingestor.Serving.OpenApi;

/// <summary>
/// The OpenAPI 3.1 document generated from the endpoints at <c>/openapi/v1.json</c>, and a docs UI reading it at <c>/docs</c>
/// whose page and scripts the app serves itself, so it works where the browser has no internet.
/// </summary>
public static class ApiDocument
{
    public const string Path = "/openapi/v1.json";
    public const string DocsPath = "/docs";

    public static IServiceCollection AddApiDocument(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.CreateSchemaReferenceId = SchemaNames.ReferenceId;
            options.AddSchemaTransformer<JobRecordSchema>();
            // Access before health, whose probes answer no 401 or 429; the order last, as it sorts what the others added.
            options.AddDocumentTransformer<AccessDescription>();
            options.AddDocumentTransformer<HealthDescription>();
            options.AddDocumentTransformer<StableDocument>();
        });

    public static IEndpointRouteBuilder MapApiDocument(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi(Path).AllowAnonymous();
        // Scalar serves its page and scripts from this app; nothing else is fetched: no web fonts, telemetry or AI agent.
        app.MapScalarApiReference(DocsPath, scalar => scalar
                .WithTitle("Job Postings API")
                .WithOpenApiRoutePattern(Path)
                .DisableDefaultFonts()
                .DisableTelemetry()
                .DisableAgent())
            .AllowAnonymous();
        return app;
    }
}
