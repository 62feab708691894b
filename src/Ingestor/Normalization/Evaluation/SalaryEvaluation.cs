using System.Globalization;
using System.Text;
using System.Text.Json;
using Ingestor.Normalization.Salaries;

namespace Ingestor.Normalization.Evaluation;

/// <summary>
/// Scores <see cref="SalaryParser.Parse"/> on a labeled set (see shared/eval/README.md): min, max, currency and period are each
/// scored on every case, null included; a case is right when all four are, or when both the label and the result are null.
/// </summary>
public static class SalaryEvaluation
{
    /// <summary>
    /// The score on texts labeled as stating no pay: <see cref="FieldScore.Correct"/> of them got no salary, out of
    /// <see cref="FieldScore.Total"/>. Anything short of all of them is an invented salary.
    /// </summary>
    public const string NoPayKeptNullField = "no_pay_kept_null";

    private static readonly string[] ScoredFields = ["min", "max", "currency", "period"];

    public static EvaluationReport Run(IEnumerable<string> jsonlLines)
    {
        var correct = ScoredFields.ToDictionary(field => field, _ => 0);
        var misses = new List<Miss>();
        int cases = 0, casesRight = 0, textsWithoutPay = 0, invented = 0;
        foreach (var line in jsonlLines.Where(line => !string.IsNullOrWhiteSpace(line)))
        {
            using var labeled = JsonDocument.Parse(line);
            var input = labeled.RootElement.GetProperty("input").GetString() ?? "";
            var expected = ExpectedFields(labeled.RootElement.GetProperty("expect"));
            var got = SalaryParser.Parse(input);
            var gotFields = got is null ? null : new Fields(got.Min, got.Max, got.Currency, got.Period);

            cases++;
            var fieldsRight = ScoredFields.Where(field => Value(expected, field) == Value(gotFields, field)).ToList();
            foreach (var field in fieldsRight)
                correct[field]++;
            if (fieldsRight.Count == ScoredFields.Length)
                casesRight++;
            else
                misses.Add(new Miss(input, Describe(expected), Describe(gotFields)));
            if (expected is null)
            {
                textsWithoutPay++;
                if (got is not null)
                    invented++;
            }
        }
        var scores = ScoredFields.Select(field => new FieldScore(field, correct[field], cases))
            .Append(new FieldScore(NoPayKeptNullField, textsWithoutPay - invented, textsWithoutPay))
            .ToList();
        return new EvaluationReport(scores, misses, cases, casesRight);
    }

    /// <summary>How many texts without pay got a salary anyway.</summary>
    public static int InventedSalaries(EvaluationReport report) =>
        report.Field(NoPayKeptNullField).Total - report.Field(NoPayKeptNullField).Correct;

    private sealed record Fields(decimal Min, decimal Max, string Currency, string Period);

    private static Fields? ExpectedFields(JsonElement expect) => expect.ValueKind == JsonValueKind.Null
        ? null
        : new Fields(
            expect.GetProperty("min").GetDecimal(),
            expect.GetProperty("max").GetDecimal(),
            expect.GetProperty("currency").GetString() ?? "",
            expect.GetProperty("period").GetString() ?? "");

    /// <summary>A field's value as compared: numbers to the cent, strings in Unicode normal form C; null when there is no salary.</summary>
    private static string? Value(Fields? fields, string field) => fields is null ? null : field switch
    {
        "min" => Cents(fields.Min),
        "max" => Cents(fields.Max),
        "currency" => fields.Currency.Normalize(NormalizationForm.FormC),
        _ => fields.Period.Normalize(NormalizationForm.FormC),
    };

    private static string Cents(decimal amount) => Math.Round(amount, 2).ToString("0.00", CultureInfo.InvariantCulture);

    private static string Describe(Fields? fields) => fields is null
        ? "null"
        : FormattableString.Invariant(
            $$"""{"min": {{fields.Min:0.##}}, "max": {{fields.Max:0.##}}, "currency": "{{fields.Currency}}", "period": "{{fields.Period}}"}""");
}
