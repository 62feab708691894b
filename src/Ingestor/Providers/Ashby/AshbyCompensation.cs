using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Ingestor.Normalization.Salaries;
using Ingestor.Normalization;

namespace Ingestor.Providers.Ashby;

/// <summary>
/// The pay a job's <c>compensation</c> states: each tier's salary components, tiers in the order sent (the first is the
/// primary place's). Equity, bonus and other components are not pay ranges. With no tiers, the envelope
/// (<c>summaryComponents</c>) is read instead, and with no components at all the summary text as written ("€60K – €80K").
/// Compensation the board hides from readers is not stated pay.
/// </summary>
internal static partial class AshbyCompensation
{
    private const double Stated = 0.95;

    public static IReadOnlyList<ParsedSalary> PayOf(JsonElement job)
    {
        if (job.Property("shouldDisplayCompensationOnJobPostings")?.ValueKind == JsonValueKind.False
            || job.Property("compensation") is not { ValueKind: JsonValueKind.Object } compensation)
            return [];
        var fromTiers = compensation.Items("compensationTiers")
            .SelectMany(tier => tier.Items("components").Select(component => Salary(component, TierName(tier))))
            .OfType<ParsedSalary>()
            .ToList();
        if (fromTiers.Count > 0)
            return fromTiers;
        var fromEnvelope = compensation.Items("summaryComponents").Select(component => Salary(component, null)).OfType<ParsedSalary>().ToList();
        return fromEnvelope.Count > 0
            ? fromEnvelope
            : SalaryParser.ParsePayField(compensation.String("compensationTierSummary") ?? compensation.String("scrapeableCompensationSalarySummary"));
    }

    /// <summary>What a reader sees of the pay, for the content hash: each tier's title and summary.</summary>
    public static IEnumerable<string> Summaries(JsonElement job) =>
        job.Property("compensation") is { ValueKind: JsonValueKind.Object } compensation
            ? compensation.Items("compensationTiers").Select(tier => $"{TierName(tier)}: {tier.String("tierSummary")}")
            : [];

    private static string? TierName(JsonElement tier) => tier.String("title")?.Trim();

    private static ParsedSalary? Salary(JsonElement component, string? tier)
    {
        if (component.String("compensationType") != "Salary"
            || component.String("currencyCode")?.Trim().ToUpperInvariant() is not { Length: 3 } currency
            || PeriodOf(component.String("interval")) is not { } period)
            return null;
        if ((Amount(component, "minValue") ?? Amount(component, "maxValue")) is not { } first)
            return null;
        var last = Amount(component, "maxValue") ?? first;
        var (low, high) = (Math.Min(first, last), Math.Max(first, last));
        if (low <= 0)
            return null;
        var per = period.Count == 1 ? period.Unit : $"{period.Count} {period.Unit}s";
        var raw = $"{tier}: {Format(low)} - {Format(high)} {currency} per {per}".TrimStart(':', ' ');
        return new ParsedSalary(low / period.Count, high / period.Count, currency, period.Unit, raw, Stated);
    }

    private static decimal? Amount(JsonElement component, string name) =>
        component.Property(name) is { ValueKind: JsonValueKind.Number } value && value.TryGetDecimal(out var amount) ? amount : null;

    private static string Format(decimal amount) => amount.ToString("#,0.##", CultureInfo.InvariantCulture);

    /// <summary>"1 YEAR", "1 HOUR", "2 WEEK": a count of a unit. A pay per two weeks is read as half of it per week.</summary>
    internal static (string Unit, decimal Count)? PeriodOf(string? interval)
    {
        if (interval is null || Interval().Match(interval.Trim()) is not { Success: true } match)
            return null;
        var count = int.Parse(match.Groups["count"].Value, CultureInfo.InvariantCulture);
        return count == 0 ? null : (match.Groups["unit"].Value.ToLowerInvariant(), count);
    }

    [GeneratedRegex(@"^(?<count>[0-9]{1,2})\s+(?<unit>YEAR|MONTH|WEEK|DAY|HOUR)S?$", RegexOptions.IgnoreCase)]
    private static partial Regex Interval();
}
