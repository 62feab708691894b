using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Ingestor.Serving.OpenApi;

/// <summary>
/// The same document wherever and however the API runs, so the committed copy can be compared byte for byte: a fixed title
/// (not the entry assembly's name), no server URL (clients resolve paths against where they fetched the document), and
/// paths, responses, schemas and tags in ordinal order whatever order the endpoints and their metadata were declared in.
/// </summary>
internal sealed class StableDocument : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "Job Postings API",
            Version = "v1",
            Description =
                "The job postings Ingestor keeps: each posting's record, its lifecycle events with the archived payload that proved " +
                "each one, its company and its board. Errors are RFC 9457 problem details.",
        };
        document.Servers = null;

        var paths = new OpenApiPaths();
        foreach (var (path, item) in document.Paths.OrderBy(path => path.Key, StringComparer.Ordinal))
            paths.Add(path, item);
        document.Paths = paths;
        foreach (var operation in paths.Values.SelectMany(path => path.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>()))
            if (operation.Responses is { } responses)
            {
                var sorted = new OpenApiResponses();
                foreach (var (status, response) in responses.OrderBy(response => response.Key, StringComparer.Ordinal))
                    sorted.Add(status, response);
                operation.Responses = sorted;
            }
        if (document.Components?.Schemas is { } schemas)
            document.Components.Schemas = new SortedDictionary<string, IOpenApiSchema>(schemas, StringComparer.Ordinal);
        if (document.Tags is { } tags)
            document.Tags = new SortedSet<OpenApiTag>(tags, Comparer<OpenApiTag>.Create((a, b) => string.CompareOrdinal(a.Name, b.Name)));
        return Task.CompletedTask;
    }
}
