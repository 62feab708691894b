using System.Globalization;
using System.Net;
using Ingestor.Normalization.Fingerprints;
using Ingestor.Normalization.Salaries;
using Ingestor.Normalization;

namespace Ingestor.Providers.Greenhouse;

/// <summary>A Greenhouse job in the provider-neutral terms of <see cref="SourceJob"/>.</summary>
internal static class GreenhouseMapping
{
    private const decimal LargestHourlyDollars = 500m;
    private const decimal SmallestAnnualDollars = 10_000m;

    public static SourceJob ToSourceJob(GreenhouseJob job)
    {
        var departments = DepartmentPath.FromGreenhouse([.. job.Departments.Select(d => new GreenhouseDepartmentRef(d.Id, d.Name, d.ParentId))]);
        return new SourceJob
        {
            Key = job.Id.ToString(CultureInfo.InvariantCulture),
            Title = job.Title,
            CompanyName = job.CompanyName,
            LocationText = job.LocationName,
            Places = [.. job.Offices.Select(o => o.Location ?? o.Name)],
            Fields = [.. job.Metadata.Where(m => m.Value is not null).Select(m => KeyValuePair.Create(m.Name, m.Value!))],
            Pay = PayOf(job),
            Department = departments.Department,
            Team = departments.Team,
            SourceUrl = job.AbsoluteUrl,
            ApplyUrl = job.AbsoluteUrl,
            Language = job.Language,
            PostedAt = job.FirstPublished,
            UpdatedAt = job.UpdatedAt,
            // Greenhouse escapes the HTML once more ("&lt;p&gt;"): unescaping once gives the HTML.
            DescriptionHtml = () => job.Content is { } content && !string.IsNullOrWhiteSpace(content) ? WebUtility.HtmlDecode(content) : null,
            Source = job.Source,
            DescriptionProperties = ["content"],
            Content =
            [
                ContentField.List("compensation", job.PayRanges.Select(r => $"{r.MinCents}-{r.MaxCents} {r.Currency} {r.Title}")),
                ContentField.List("departments", job.Departments.Select(d => d.Name)),
                ContentField.Of("language", job.Language),
                ContentField.Of("location", job.LocationName?.Trim()),
                ContentField.Map("metadata", job.Metadata.Select(m => KeyValuePair.Create(m.Name, m.Value))),
                ContentField.List("offices", job.Offices.Select(o => $"{o.Name} | {o.Location}")),
                ContentField.Of("title", job.Title.Trim()),
                ContentField.Of("url", job.AbsoluteUrl),
            ],
        };
    }

    /// <summary>Pay-transparency ranges first, then a currency-range custom field named for pay; none: the description is read.</summary>
    private static IReadOnlyList<ParsedSalary> PayOf(GreenhouseJob job)
    {
        if (job.PayRanges.Count > 0)
            return [.. job.PayRanges.Select(PayRangeSalary)];
        var field = job.Metadata.FirstOrDefault(m => m.ValueType == "currency_range" && m.Value is not null && IsPayName(m.Name));
        return field is not null && MetadataSalary(field) is { } fromField ? [fromField] : [];
    }

    private static ParsedSalary PayRangeSalary(GreenhousePayRange range)
    {
        decimal min = range.MinCents / 100m, max = range.MaxCents / 100m;
        var raw = $"{range.Title}: {min.ToString("N0", CultureInfo.InvariantCulture)} - {max.ToString("N0", CultureInfo.InvariantCulture)} {range.Currency}".TrimStart(':', ' ');
        return new ParsedSalary(Math.Min(min, max), Math.Max(min, max), range.Currency, PeriodOf(range, Math.Min(min, max), Math.Max(min, max)), raw, 0.95);
    }

    /// <summary>
    /// Greenhouse states no period on pay ranges. The title or blurb may name one ("Hourly", "Monthly intern pay"); else the size
    /// tells, in comparable dollars so that ¥1,500 is an hourly wage: a wage-sized range is hourly, a salary-sized one annual,
    /// and one too big for an hour and too small for a year is a month's pay (interns in most countries).
    /// </summary>
    private static string PeriodOf(GreenhousePayRange range, decimal min, decimal max)
    {
        if (PayPeriods.NamedBefore($"{range.Title} {range.Blurb}") is { } named)
            return named;
        var (minDollars, maxDollars) = (Currencies.ToComparableDollars(min, range.Currency), Currencies.ToComparableDollars(max, range.Currency));
        if (maxDollars < LargestHourlyDollars)
            return PayPeriods.Hour;
        return minDollars < SmallestAnnualDollars && PayPeriods.IsPlausible(minDollars, maxDollars, PayPeriods.Month, labelledAsPay: true)
            ? PayPeriods.Month
            : PayPeriods.Year;
    }

    private static ParsedSalary? MetadataSalary(GreenhouseMetadata field)
    {
        var range = field.RawValue;
        if (!decimal.TryParse(range.GetProperty("min_value").ToString(), NumberStyles.Number, CultureInfo.InvariantCulture, out var min)
            || !decimal.TryParse(range.GetProperty("max_value").ToString(), NumberStyles.Number, CultureInfo.InvariantCulture, out var max)
            || range.TryGetProperty("unit", out var unit) is false || unit.GetString() is not { Length: 3 } currency)
            return null;
        var period = field.Name.Contains("hour", StringComparison.OrdinalIgnoreCase) ? "hour" : "year";
        return new ParsedSalary(Math.Min(min, max), Math.Max(min, max), currency.ToUpperInvariant(), period, $"{field.Name}: {field.Value}", 0.85);
    }

    private static bool IsPayName(string name) =>
        new[] { "salary", "pay", "compensation", "wage", "rate" }.Any(word => name.Contains(word, StringComparison.OrdinalIgnoreCase));
}
