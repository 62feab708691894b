using System.Text.Json;

namespace Ingestor.Providers.Greenhouse;

internal static class GreenhouseJobReader
{
    /// <summary>
    /// Reads one job object; null only when it lacks what identifies a posting, an integer id. Anything else missing is kept
    /// as missing: a posting without a title is still a posting, and dropping it would make it look closed.
    /// </summary>
    public static GreenhouseJob? Read(JsonElement job)
    {
        if (job.ValueKind != JsonValueKind.Object || job.Int64("id") is not { } id)
            return null;

        return new GreenhouseJob(
            Id: id,
            Title: job.String("title") ?? "",
            AbsoluteUrl: job.String("absolute_url"),
            LocationName: job.Property("location")?.String("name"),
            CompanyName: job.String("company_name"),
            Language: job.String("language"),
            FirstPublished: job.Timestamp("first_published"),
            UpdatedAt: job.Timestamp("updated_at"),
            Metadata: [.. job.Items("metadata").Where(m => m.String("name") is not null).Select(ReadMetadata)],
            Departments: [.. job.Items("departments").Select(ReadDepartment).OfType<GreenhouseDepartment>()],
            Offices: [.. job.Items("offices").Select(ReadOffice).OfType<GreenhouseOffice>()],
            PayRanges: [.. job.Items("pay_input_ranges").Select(ReadPayRange).OfType<GreenhousePayRange>()],
            Source: job);
    }

    private static GreenhouseMetadata ReadMetadata(JsonElement field)
    {
        var raw = field.TryGetProperty("value", out var value) ? value : default;
        var text = raw.ValueKind == JsonValueKind.Object ? CurrencyRangeText(raw) : JsonReading.AsText(raw);
        return new GreenhouseMetadata(field.String("name")!, text, field.String("value_type"), raw);
    }

    // currency_range values are objects: {"min_value": "70000.0", "max_value": "90000.0", "unit": "EUR"}.
    private static string? CurrencyRangeText(JsonElement range) =>
        range.String("min_value") is { } min && range.String("max_value") is { } max
            ? $"{min} - {max} {range.String("unit")}".TrimEnd()
            : null;

    private static GreenhouseDepartment? ReadDepartment(JsonElement department) =>
        department.Int64("id") is { } id && department.String("name") is { } name
            ? new GreenhouseDepartment(id, name.Trim(), department.Int64("parent_id"))
            : null;

    private static GreenhouseOffice? ReadOffice(JsonElement office) =>
        office.Int64("id") is { } id && office.String("name") is { } name
            ? new GreenhouseOffice(id, name.Trim(), office.String("location")?.Trim())
            : null;

    private static GreenhousePayRange? ReadPayRange(JsonElement range) =>
        range.Int64("min_cents") is { } min && range.Int64("max_cents") is { } max && range.String("currency_type") is { } currency
            ? new GreenhousePayRange(min, max, currency.Trim().ToUpperInvariant(), range.String("title"), range.String("blurb"))
            : null;
}
