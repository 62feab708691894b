using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Ingestor.Serving.OpenApi;

/// <summary>
/// What the job record's type cannot say for itself: <c>?include=description</c> adds two properties to the served object,
/// and its free-form parts (parsed, extensions, native) are JSON objects of their own shape, not .NET's JSON types.
/// </summary>
internal sealed class JobRecordSchema : IOpenApiSchemaTransformer
{
    private static readonly Dictionary<string, string> FreeForm = new()
    {
        ["parsed"] = "What Ingestor parsed from the posting: language, location, salary, launch_scope, when it was inferred; parser_version (which normalization code derived it) and provenance (for each inferred field: source structured, text or derived, confidence, parser_version).",
        ["extensions"] = "Additions to the output record. lineage: the job across the ids it was posted under: reposted_from (the posting this one reposts, or null), lineage_id (the first posting of the line; its own id when it is no repost), lineage_first_seen_at (when that first posting was first seen).",
        ["native"] = "The provider's own job object as its payload had it, without its content (see ?include=description).",
    };

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonTypeInfo.Type != typeof(JobRecord) || schema.Properties is not { } properties)
            return Task.CompletedTask;
        foreach (var (name, description) in FreeForm)
            properties[name] = new OpenApiSchema { Type = JsonSchemaType.Object, Description = description };
        properties["description"] = Text("The posting's description as plain text; present only with ?include=description.");
        properties["description_html"] = Text("The posting's description as the provider's HTML; present only with ?include=description.");
        return Task.CompletedTask;
    }

    private static OpenApiSchema Text(string description) => new() { Type = JsonSchemaType.String | JsonSchemaType.Null, Description = description };
}
