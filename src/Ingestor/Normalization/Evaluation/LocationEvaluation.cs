using System.Text;
using System.Text.Json;

namespace Ingestor.Normalization.Evaluation;

/// <summary>
/// Scores a <see cref="LocationParser"/> on a labeled set (shared/eval/README.md): city, region, country_code,
/// is_remote and workplace_type, each exactly; strings after Unicode NFC normalization, case-sensitive; region only
/// where the label is not null. One <see cref="Miss"/> per wrong case, naming the wrong fields.
/// </summary>
public static class LocationEvaluation
{
    private static readonly string[] FieldNames = ["city", "region", "country_code", "is_remote", "workplace_type"];

    public static EvaluationReport Run(IEnumerable<string> jsonlLines, LocationParser parser)
    {
        var correct = FieldNames.ToDictionary(f => f, _ => 0);
        var total = FieldNames.ToDictionary(f => f, _ => 0);
        var misses = new List<Miss>();
        var (cases, casesRight) = (0, 0);

        foreach (var line in jsonlLines.Where(l => !string.IsNullOrWhiteSpace(l)))
        {
            using var document = JsonDocument.Parse(line);
            var input = document.RootElement.GetProperty("input").GetString();
            var expect = document.RootElement.GetProperty("expect");
            var parsed = parser.Parse(input);
            var got = new Dictionary<string, string?>
            {
                ["city"] = parsed.City,
                ["region"] = parsed.Region,
                ["country_code"] = parsed.CountryCode,
                ["is_remote"] = parsed.IsRemote ? "true" : "false",
                ["workplace_type"] = parsed.WorkplaceType,
            };

            var wrong = new List<string>();
            foreach (var field in FieldNames)
            {
                var expected = Value(expect, field);
                if (field == "region" && expected is null) continue;
                total[field]++;
                if (Normalized(expected) == Normalized(got[field])) correct[field]++;
                else wrong.Add(field);
            }

            cases++;
            if (wrong.Count == 0) casesRight++;
            else misses.Add(new Miss(input ?? "null", Describe(wrong, f => Value(expect, f)), Describe(wrong, f => got[f])));
        }

        var fields = FieldNames.Select(f => new FieldScore(f, correct[f], total[f])).ToList();
        return new EvaluationReport(fields, misses, cases, casesRight);
    }

    private static string? Value(JsonElement expect, string field) =>
        expect.TryGetProperty(field, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.Null => null,
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                _ => value.GetString(),
            }
            : null;

    private static string? Normalized(string? value) => value?.Normalize(NormalizationForm.FormC);

    private static string Describe(IEnumerable<string> fields, Func<string, string?> value) =>
        string.Join(" ", fields.Select(f => $"{f}={value(f) ?? "null"}"));
}
