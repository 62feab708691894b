using System.Text.Json;
using Ingestor.Normalization.Locations;

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
        var tally = new FieldTally(FieldNames, "region");
        foreach (var line in jsonlLines.Where(l => !string.IsNullOrWhiteSpace(l)))
        {
            using var document = JsonDocument.Parse(line);
            var input = document.RootElement.GetProperty("input").GetString();
            var parsed = parser.Parse(input);
            tally.Add(input ?? "null", document.RootElement.GetProperty("expect"), new Dictionary<string, string?>
            {
                ["city"] = parsed.City,
                ["region"] = parsed.Region,
                ["country_code"] = parsed.CountryCode,
                ["is_remote"] = parsed.IsRemote ? "true" : "false",
                ["workplace_type"] = parsed.WorkplaceType,
            });
        }
        return tally.Report();
    }
}
