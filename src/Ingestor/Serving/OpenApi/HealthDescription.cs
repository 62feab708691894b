using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Ingestor.Serving.OpenApi;

/// <summary>
/// The probes answer through ASP.NET Core's health check middleware, which the endpoint explorer does not see; they are
/// described here, beside nothing else, as plain text, open to every client.
/// </summary>
internal sealed class HealthDescription : IOpenApiDocumentTransformer
{
    private const string Tag = "Health";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Tags ??= new HashSet<OpenApiTag>();
        document.Tags.Add(new OpenApiTag { Name = Tag });
        document.Paths.Add(HealthEndpoints.LivePath, Probe(document, "getLive", "Whether the process answers", "No dependency is checked."));
        document.Paths.Add(HealthEndpoints.ReadyPath, Probe(document, "getReady", "Whether the database answers too", "Unhealthy (503) while the database cannot be reached."));
        return Task.CompletedTask;
    }

    private static OpenApiPathItem Probe(OpenApiDocument document, string operationId, string summary, string description) => new()
    {
        Operations = new Dictionary<HttpMethod, OpenApiOperation>
        {
            [HttpMethod.Get] = new()
            {
                OperationId = operationId,
                Summary = summary,
                Description = description,
                Tags = new HashSet<OpenApiTagReference> { new(Tag, document) },
                Security = [],
                Responses = new OpenApiResponses
                {
                    ["200"] = Text("Healthy"),
                    ["503"] = Text("Unhealthy"),
                },
            },
        },
    };

    private static OpenApiResponse Text(string body) => new()
    {
        Description = body,
        Content = new Dictionary<string, OpenApiMediaType>
        {
            ["text/plain"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [body] } },
        },
    };
}
