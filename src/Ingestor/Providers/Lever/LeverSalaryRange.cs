using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Ingestor.Normalization.Salaries;
using Ingestor.Normalization;

namespace Ingestor.Providers.Lever;

/// <summary>A posting's <c>salaryRange {min, max, currency, interval}</c> as stated pay; an interval we cannot name is no range.</summary>
internal static partial class LeverSalaryRange
{
    private const double Stated = 0.95;

    public static ParsedSalary? Of(JsonElement posting)
    {
        if (posting.Property("salaryRange") is not { ValueKind: JsonValueKind.Object } range
            || range.String("currency")?.Trim().ToUpperInvariant() is not { Length: 3 } currency
            || PeriodOf(range.String("interval")) is not { } period
            || (Amount(range, "min") ?? Amount(range, "max")) is not { } first)
            return null;
        var last = Amount(range, "max") ?? first;
        var (low, high) = (Math.Min(first, last), Math.Max(first, last));
        return low <= 0 ? null : new ParsedSalary(low, high, currency, period, $"{Format(low)} - {Format(high)} {currency} per {period}", Stated);
    }

    /// <summary>The range as a reader sees it, for the content hash.</summary>
    public static string? TextOf(JsonElement posting) =>
        posting.Property("salaryRange") is { ValueKind: JsonValueKind.Object } range
            ? $"{range.String("min")} - {range.String("max")} {range.String("currency")} {range.String("interval")}"
            : null;

    /// <summary>"per-year-salary", "per-hour-wage": the unit between "per-" and the kind of pay.</summary>
    internal static string? PeriodOf(string? interval) =>
        interval is not null && Interval().Match(interval.Trim()) is { Success: true } match ? match.Groups["unit"].Value.ToLowerInvariant() : null;

    private static decimal? Amount(JsonElement range, string name) =>
        range.Property(name) is { ValueKind: JsonValueKind.Number } value && value.TryGetDecimal(out var amount) ? amount : null;

    private static string Format(decimal amount) => amount.ToString("#,0.##", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^per-(?<unit>year|month|week|day|hour)(?:-|$)", RegexOptions.IgnoreCase)]
    private static partial Regex Interval();
}
