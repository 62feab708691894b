using Ingestor.Serving.Access;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Ingestor.Serving.OpenApi;

/// <summary>
/// What every data operation may answer besides its own results: 401 when the server asks for keys, 429 past the client's
/// budget, 503 while the database is unreachable. The key scheme is described whether or not this server has keys, as
/// optional, so the document is the same for every deployment.
/// </summary>
internal sealed class AccessDescription : IOpenApiDocumentTransformer
{
    private const string ProblemDetailsSchema = "ProblemDetails";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
        {
            [ApiKeyAuthentication.SchemeName] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = ApiKeyAuthentication.Header,
                Description =
                    $"Required by every data route when the server is configured with keys (ReadApi:ApiKeys, SHA-256 hashes of the keys); " +
                    $"without keys configured, the default, no key is asked for. Only the {ApiKeyAuthentication.Header} header is read.",
            },
        };
        // Either no credentials or the key: the key is optional unless the server is configured to require it.
        document.Security = [new OpenApiSecurityRequirement(), new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKeyAuthentication.SchemeName, document)] = [] }];

        foreach (var operation in document.Paths.Values.SelectMany(path => path.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>()))
        {
            operation.Responses ??= new OpenApiResponses();
            operation.Responses.TryAdd("401", Problem(document, "The server requires a key and the X-Api-Key header holds none of its keys.",
                ("WWW-Authenticate", "The key scheme and the header to send it in.", JsonSchemaType.String)));
            operation.Responses.TryAdd("429", Problem(document, "The client (its key, else its IP address) has spent its request budget.",
                ("Retry-After", "Seconds until a request will be accepted again.", JsonSchemaType.Integer)));
            operation.Responses.TryAdd("503", Problem(document, "The database cannot be reached right now.",
                ("Retry-After", "Seconds to wait before trying again.", JsonSchemaType.Integer)));
        }
        return Task.CompletedTask;
    }

    private static OpenApiResponse Problem(OpenApiDocument document, string description, (string Name, string Description, JsonSchemaType Type) header) => new()
    {
        Description = description,
        Headers = new Dictionary<string, IOpenApiHeader>
        {
            [header.Name] = new OpenApiHeader { Description = header.Description, Schema = new OpenApiSchema { Type = header.Type } },
        },
        Content = new Dictionary<string, OpenApiMediaType>
        {
            ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference(ProblemDetailsSchema, document) },
        },
    };
}
