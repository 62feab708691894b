using System.Globalization;
using System.Text;
using System.Text.Json;
using Ingestor.Providers;

namespace Ingestor.Normalization.Evaluation;

/// <summary>
/// Scores whole postings of any provider on a labeled set: each line's <c>input</c> is <c>{"provider", "board", "job"}</c>
/// with the job object exactly as the provider sent it, and <c>expect</c> names the mapped fields: <c>city</c>, <c>region</c>,
/// <c>country_code</c>, <c>workplace_type</c>, <c>employment_type</c>, <c>salary_min</c>, <c>salary_max</c>,
/// <c>salary_currency</c>, <c>salary_period</c>. Each field is scored exactly (strings after Unicode NFC, amounts to the cent),
/// null included; <c>region</c> only where the label is not null. One <see cref="Miss"/> per wrong case.
/// </summary>
public static class PostingEvaluation
{
    private static readonly string[] FieldNames =
        ["city", "region", "country_code", "workplace_type", "employment_type", "salary_min", "salary_max", "salary_currency", "salary_period"];

    /// <param name="read">Reads a job object of the named provider as the poller would (its key, then the whole job).</param>
    public static EvaluationReport Run(IEnumerable<string> jsonlLines, Func<string, JsonElement, SourceJob> read, PostingNormalizer normalizer)
    {
        var correct = FieldNames.ToDictionary(f => f, _ => 0);
        var total = FieldNames.ToDictionary(f => f, _ => 0);
        var misses = new List<Miss>();
        var (cases, casesRight) = (0, 0);

        foreach (var line in jsonlLines.Where(l => !string.IsNullOrWhiteSpace(l)))
        {
            using var document = JsonDocument.Parse(line);
            var input = document.RootElement.GetProperty("input");
            var expect = document.RootElement.GetProperty("expect");
            var provider = input.GetProperty("provider").GetString()!;
            var board = input.GetProperty("board").GetString()!;
            var job = read(provider, input.GetProperty("job"));
            var posting = normalizer.Normalize(provider, board, job);
            var got = new Dictionary<string, string?>
            {
                ["city"] = posting.City,
                ["region"] = posting.Region,
                ["country_code"] = posting.CountryCode,
                ["workplace_type"] = posting.WorkplaceType,
                ["employment_type"] = posting.EmploymentType,
                ["salary_min"] = Amount(posting.SalaryMin),
                ["salary_max"] = Amount(posting.SalaryMax),
                ["salary_currency"] = posting.SalaryCurrency,
                ["salary_period"] = posting.SalaryPeriod,
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
            else misses.Add(new Miss($"{provider}:{board} {job.Key} {job.Title}", Describe(wrong, f => Value(expect, f)), Describe(wrong, f => got[f])));
        }

        var fields = FieldNames.Select(f => new FieldScore(f, correct[f], total[f])).ToList();
        return new EvaluationReport(fields, misses, cases, casesRight);
    }

    private static string? Amount(decimal? amount) => amount?.ToString("0.00", CultureInfo.InvariantCulture);

    private static string? Value(JsonElement expect, string field) =>
        expect.TryGetProperty(field, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.Null => null,
                JsonValueKind.Number => Amount(value.GetDecimal()),
                _ => value.GetString(),
            }
            : null;

    private static string? Normalized(string? value) => value?.Normalize(NormalizationForm.FormC);

    private static string Describe(IEnumerable<string> fields, Func<string, string?> value) =>
        string.Join(" ", fields.Select(f => $"{f}={value(f) ?? "null"}"));
}
