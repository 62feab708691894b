namespace Ingestor.Normalization;

/// <summary>Reading Greenhouse metadata values after the caller has flattened them to strings (booleans arrive as "true"/"false").</summary>
internal static class MetadataValues
{
    static readonly HashSet<string> Yes = new(["true", "yes", "y", "ja", "oui", "sí", "si"], StringComparer.OrdinalIgnoreCase);

    public static bool IsYes(string value) => Yes.Contains(value.Trim());
}
