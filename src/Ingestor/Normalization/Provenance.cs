using System.Text.Json.Nodes;

namespace Ingestor.Normalization;

/// <summary>
/// Where an inferred field came from, for <c>parsed.provenance</c>: one shape for every field, <c>{source, confidence,
/// parser_version}</c>, or null when the field has no value.
/// </summary>
public static class Provenance
{
    /// <summary>A field of the provider's own that states the value (a location, a pay range, a custom field, a department).</summary>
    public const string Structured = "structured";

    /// <summary>Read from the description.</summary>
    public const string Text = "text";

    /// <summary>Worked out from other fields (a workplace from the place or the title, a launch scope from language and places).</summary>
    public const string Derived = "derived";

    public static JsonObject Of(string source, double? confidence) => new()
    {
        ["source"] = source,
        ["confidence"] = confidence,
        ["parser_version"] = ParserVersion.Current,
    };

    public static JsonObject? Of(Inferred? inferred) => inferred is null ? null : Of(inferred.Source, inferred.Confidence);
}
