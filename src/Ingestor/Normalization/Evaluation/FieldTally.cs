using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Ingestor.Normalization.Evaluation;

/// <summary>
/// Scores labeled cases field by field: each field exactly, strings after Unicode NFC, null included, except the fields scored
/// only where the label names a value. A case with a wrong field is a <see cref="Miss"/> naming the wrong fields.
/// </summary>
internal sealed class FieldTally(IReadOnlyList<string> fields, params string[] scoredOnlyWhereLabeled)
{
    private readonly Dictionary<string, int> _correct = fields.ToDictionary(f => f, _ => 0);
    private readonly Dictionary<string, int> _total = fields.ToDictionary(f => f, _ => 0);
    private readonly List<Miss> _misses = [];
    private int _cases;
    private int _casesRight;

    public void Add(string input, JsonElement expect, IReadOnlyDictionary<string, string?> got)
    {
        var wrong = new List<string>();
        foreach (var field in fields)
        {
            var expected = Label(expect, field);
            if (expected is null && scoredOnlyWhereLabeled.Contains(field)) continue;
            _total[field]++;
            if (Normalized(expected) == Normalized(got[field])) _correct[field]++;
            else wrong.Add(field);
        }

        _cases++;
        if (wrong.Count == 0) _casesRight++;
        else _misses.Add(new Miss(input, Describe(wrong, f => Label(expect, f)), Describe(wrong, f => got[f])));
    }

    public EvaluationReport Report() =>
        new([.. fields.Select(f => new FieldScore(f, _correct[f], _total[f]))], _misses, _cases, _casesRight);

    /// <summary>An amount as compared: to the cent.</summary>
    public static string? Amount(decimal? amount) => amount?.ToString("0.00", CultureInfo.InvariantCulture);

    private static string? Label(JsonElement expect, string field) =>
        expect.TryGetProperty(field, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.Null => null,
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                JsonValueKind.Number => Amount(value.GetDecimal()),
                _ => value.GetString(),
            }
            : null;

    private static string? Normalized(string? value) => value?.Normalize(NormalizationForm.FormC);

    private static string Describe(IEnumerable<string> fields, Func<string, string?> value) =>
        string.Join(" ", fields.Select(f => $"{f}={value(f) ?? "null"}"));
}
