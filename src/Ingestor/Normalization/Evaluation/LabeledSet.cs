using System.Text.Json;

namespace Ingestor.Normalization.Evaluation;

/// <summary>A labeled set on disk: one <c>{"input": …, "expect": …}</c> object a line (see the eval README).</summary>
public static class LabeledSet
{
    /// <summary>Reads and checks every line first, so a bad set is refused with its line number rather than half scored.</summary>
    public static IReadOnlyList<string> Read(string path)
    {
        var lines = new List<string>();
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
                continue;
            try
            {
                using var labeled = JsonDocument.Parse(line);
                var root = labeled.RootElement;
                if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("input", out _) || !root.TryGetProperty("expect", out _))
                    throw new FormatException($"{path}:{number}: a labeled line needs \"input\" and \"expect\"");
            }
            catch (JsonException e)
            {
                throw new FormatException($"{path}:{number}: not JSON ({e.Message})");
            }
            lines.Add(line);
        }
        return lines;
    }
}
