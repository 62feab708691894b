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
        var tally = new FieldTally(FieldNames, "region");
        foreach (var line in jsonlLines.Where(l => !string.IsNullOrWhiteSpace(l)))
        {
            using var document = JsonDocument.Parse(line);
            var input = document.RootElement.GetProperty("input");
            var provider = input.GetProperty("provider").GetString()!;
            var board = input.GetProperty("board").GetString()!;
            var job = read(provider, input.GetProperty("job"));
            var posting = normalizer.Normalize(provider, board, job);
            tally.Add($"{provider}:{board} {job.Key} {job.Title}", document.RootElement.GetProperty("expect"), new Dictionary<string, string?>
            {
                ["city"] = posting.City,
                ["region"] = posting.Region,
                ["country_code"] = posting.CountryCode,
                ["workplace_type"] = posting.WorkplaceType,
                ["employment_type"] = posting.EmploymentType,
                ["salary_min"] = FieldTally.Amount(posting.SalaryMin),
                ["salary_max"] = FieldTally.Amount(posting.SalaryMax),
                ["salary_currency"] = posting.SalaryCurrency,
                ["salary_period"] = posting.SalaryPeriod,
            });
        }
        return tally.Report();
    }
}
