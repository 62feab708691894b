using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Ingestor.Serving.OpenApi;

/// <summary>
/// The query parameters of an endpoint that reads its query string itself (to refuse, by name, a value of the wrong shape
/// or a parameter it does not take), which the endpoint explorer therefore cannot see. The list given is the endpoint's
/// whole query: it replaces whatever the explorer found, so a parameter is described once, with its shape.
/// </summary>
internal static class QueryDescription
{
    public static TBuilder WithQuery<TBuilder>(this TBuilder endpoint, Func<IServiceProvider, IEnumerable<OpenApiParameter>> parameters)
        where TBuilder : IEndpointConventionBuilder =>
        endpoint.AddOpenApiOperationTransformer((operation, context, _) =>
        {
            operation.Parameters = [.. parameters(context.ApplicationServices)];
            return Task.CompletedTask;
        });

    public static OpenApiParameter Text(string name, string description) => Parameter(name, description, new OpenApiSchema { Type = JsonSchemaType.String });

    public static OpenApiParameter Uuid(string name, string description) =>
        Parameter(name, description, new OpenApiSchema { Type = JsonSchemaType.String, Format = "uuid" });

    public static OpenApiParameter OneOf(string name, IEnumerable<string> values, string description) =>
        Parameter(name, description, new OpenApiSchema { Type = JsonSchemaType.String, Enum = [.. values.Select(value => JsonValue.Create(value))] });

    /// <summary>A code of ASCII letters, such as a country or currency code, taken in any case.</summary>
    public static OpenApiParameter Code(string name, int letters, string description) =>
        Parameter(name, description, new OpenApiSchema { Type = JsonSchemaType.String, Pattern = $"^[A-Za-z]{{{letters}}}$" });

    public static OpenApiParameter Boolean(string name, string description) => Parameter(name, description, new OpenApiSchema { Type = JsonSchemaType.Boolean });

    public static OpenApiParameter Amount(string name, string description) =>
        Parameter(name, description, new OpenApiSchema { Type = JsonSchemaType.Number, Minimum = "0" });

    public static OpenApiParameter Time(string name, string description) =>
        Parameter(name, description, new OpenApiSchema { Type = JsonSchemaType.String, Format = "date-time" });

    public static OpenApiParameter Limit(int defaultLimit, int max) => Parameter(
        "limit", $"How many items a page holds at most: 1 to {max}, {defaultLimit} when left out.",
        new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "1", Maximum = max.ToString(CultureInfo.InvariantCulture), Default = JsonValue.Create(defaultLimit) });

    /// <summary>A cursor is opaque: a client only sends back what a page gave it.</summary>
    public static OpenApiParameter Cursor(string description) => Text("cursor", description);

    private static OpenApiParameter Parameter(string name, string description, OpenApiSchema schema) =>
        new() { Name = name, In = ParameterLocation.Query, Description = description, Schema = schema };
}
