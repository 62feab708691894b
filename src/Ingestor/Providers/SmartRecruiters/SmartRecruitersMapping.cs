using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Ingestor.Normalization.Fingerprints;
using Ingestor.Normalization.Salaries;
using Ingestor.Normalization;

namespace Ingestor.Providers.SmartRecruiters;

/// <summary>
/// A SmartRecruiters posting in the provider-neutral terms of <see cref="SourceJob"/>: what the list says from its entry,
/// what only the detail says (description, public URLs, pay) from the detail when the poll fetched one.
/// </summary>
internal static class SmartRecruitersMapping
{
    public static SourceJob ToSourceJob(ListedJob job)
    {
        var listed = job.Source;
        var detail = job.Detail;
        var location = listed.Property("location");
        var department = listed.Property("department")?.String("label")?.Trim();
        var function = listed.Property("function")?.String("label")?.Trim();
        var employment = listed.Property("typeOfEmployment");
        var pay = detail?.Property("compensation")?.Property("salary") is { } salary ? SalaryOf(salary) : null;
        var postingUrl = detail?.String("postingUrl");
        return new SourceJob
        {
            Key = job.Key,
            Title = listed.String("name")?.Trim() ?? "",
            CompanyName = listed.Property("company")?.String("name"),
            LocationText = location is { } place ? LocationTextOf(place) : null,
            Fields = FieldsOf(listed),
            EmploymentType = EmploymentTypeOf(employment?.String("id")),
            WorkplaceType = WorkplaceTypeOf(location),
            Pay = pay is null ? [] : [pay],
            Department = string.IsNullOrEmpty(department) ? function : department,
            // The public page and the apply link are only in the detail: `ref` is the API's URL and answers 404 to a reader.
            SourceUrl = postingUrl,
            ApplyUrl = detail?.String("applyUrl"),
            Language = listed.Property("language")?.String("code"),
            PostedAt = listed.Timestamp("releasedDate"),
            DescriptionHtml = () => detail is { } read ? DescriptionOf(read) : null,
            // native is the list entry: the detail's description goes to the description columns and its URLs and pay to
            // theirs; the detail as received stays whole in the archived envelope. No property of the entry is a description.
            Source = listed,
            DescriptionProperties = [],
            Content =
            [
                ContentField.Of("title", listed.String("name")?.Trim()),
                ContentField.List("location", LocationContent(location)),
                ContentField.Of("department", department),
                ContentField.Of("function", function),
                ContentField.Of("type_of_employment", employment?.String("label")),
                ContentField.Of("url", postingUrl),
                ContentField.Of("compensation", pay?.Raw),
            ],
        };
    }

    /// <summary>
    /// The place as a reader writes it: city, region and country, leaving out the empty parts (<c>"Dublin, , Ireland"</c>).
    /// Remote postings may put the country where the city goes and "Remote" where the region goes (<c>"Poland, Remote,
    /// Poland"</c>): that city is no city (Singapore, on site, is), and the remote flag, not the text, says it is remote.
    /// </summary>
    internal static string? LocationTextOf(JsonElement location)
    {
        var fullLocation = location.String("fullLocation");
        var countryCode = location.String("country")?.Trim().ToUpperInvariant();
        var countryName = fullLocation?.Split(',').Select(part => part.Trim()).LastOrDefault(part => part.Length > 0);
        var country = countryName ?? countryCode;
        var city = location.String("city")?.Trim();
        var region = location.String("region")?.Trim();
        var remote = location.Property("remote")?.ValueKind == JsonValueKind.True || Same(region, "Remote");
        if (remote && (Same(city, countryName) || Same(city, countryCode))) city = null;
        if (Same(region, "Remote")) region = null;

        var parts = new[] { city, region, country }.Where(part => !string.IsNullOrEmpty(part)).ToList();
        return parts.Count > 0 ? string.Join(", ", parts) : fullLocation?.Trim();
    }

    private static bool Same(string? a, string? b) => a is not null && b is not null && string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private static IEnumerable<string> LocationContent(JsonElement? location)
    {
        if (location is not { } place) yield break;
        if (place.String("fullLocation")?.Trim() is { } text) yield return text;
        if (place.Property("remote")?.ValueKind == JsonValueKind.True) yield return "remote";
        if (place.Property("hybrid")?.ValueKind == JsonValueKind.True) yield return "hybrid";
    }

    /// <summary>Only what a flag states: <c>remote: false, hybrid: false</c> denies two kinds without naming the third.</summary>
    internal static string? WorkplaceTypeOf(JsonElement? location) =>
        location?.Property("remote")?.ValueKind == JsonValueKind.True ? WorkplaceTypes.Remote
        : location?.Property("hybrid")?.ValueKind == JsonValueKind.True ? WorkplaceTypes.Hybrid
        : null;

    /// <summary><c>typeOfEmployment.id</c> as one of <see cref="EmploymentTypes"/>; an id not known here is left to its label.</summary>
    internal static string? EmploymentTypeOf(string? id) => id?.Trim().ToLowerInvariant().Replace('-', '_') switch
    {
        "permanent" or "full_time" or "fulltime" => EmploymentTypes.FullTime,
        "part_time" or "parttime" => EmploymentTypes.PartTime,
        "contract" or "contractor" or "freelance" => EmploymentTypes.Contract,
        "intern" or "internship" => EmploymentTypes.Intern,
        "temporary" or "temp" or "seasonal" or "fixed_term" => EmploymentTypes.Temporary,
        _ => null,
    };

    // The classifiers read a kind of employment or workplace from named fields: the employment label and the custom fields.
    private static IReadOnlyList<KeyValuePair<string, string>> FieldsOf(JsonElement listed)
    {
        var fields = new List<KeyValuePair<string, string>>();
        if (listed.Property("typeOfEmployment")?.String("label") is { } employment)
            fields.Add(KeyValuePair.Create("typeOfEmployment", employment));
        foreach (var field in listed.Items("customField"))
            if (field.String("fieldLabel") is { } name && field.String("valueLabel") is { } value)
                fields.Add(KeyValuePair.Create(name, value));
        return fields;
    }

    /// <summary><c>compensation.salary {min, max, currency, period}</c>; a period not named here is not guessed.</summary>
    internal static ParsedSalary? SalaryOf(JsonElement salary)
    {
        var min = Amount(salary.Property("min"));
        var max = Amount(salary.Property("max"));
        var currency = salary.String("currency")?.Trim().ToUpperInvariant();
        var statedPeriod = salary.String("period")?.Trim();
        var period = statedPeriod?.ToLowerInvariant() switch
        {
            "yearly" or "annually" or "annual" or "year" or "per_year" => "year",
            "monthly" or "month" or "per_month" => "month",
            "weekly" or "week" or "per_week" => "week",
            "daily" or "day" or "per_day" => "day",
            "hourly" or "hour" or "per_hour" => "hour",
            _ => null,
        };
        if ((min ?? max) is not { } low || (max ?? min) is not { } high || currency is not { Length: 3 } || period is null)
            return null;
        var raw = string.Create(CultureInfo.InvariantCulture, $"{low:0.##} - {high:0.##} {currency} {statedPeriod}");
        return new ParsedSalary(Math.Min(low, high), Math.Max(low, high), currency, period, raw, 0.95);
    }

    private static decimal? Amount(JsonElement? value) => value switch
    {
        { ValueKind: JsonValueKind.Number } number when number.TryGetDecimal(out var amount) && amount > 0 => amount,
        { ValueKind: JsonValueKind.String } text when decimal.TryParse(text.GetString(), NumberStyles.Number, CultureInfo.InvariantCulture, out var amount) && amount > 0 => amount,
        _ => null,
    };

    private static readonly string[] SectionOrder = ["companyDescription", "jobDescription", "qualifications", "additionalInformation"];

    /// <summary>
    /// The job ad's sections as one HTML, each under its title, in the order a SmartRecruiters page shows them. The company
    /// description is kept: on some postings it is the only text there is.
    /// </summary>
    internal static string? DescriptionOf(JsonElement detail)
    {
        if (detail.Property("jobAd")?.Property("sections") is not { ValueKind: JsonValueKind.Object } sections)
            return null;
        var named = sections.EnumerateObject().Select(section => section.Name);
        var html = new StringBuilder();
        foreach (var name in SectionOrder.Where(named.Contains).Concat(named.Except(SectionOrder)).Distinct())
        {
            var section = sections.Property(name);
            if (section?.String("text") is not { } text || string.IsNullOrWhiteSpace(text)) continue;
            if (section.Value.String("title")?.Trim() is { Length: > 0 } title)
                html.Append("<h2>").Append(WebUtility.HtmlEncode(title)).Append("</h2>");
            html.Append(text);
        }
        return html.Length > 0 ? html.ToString() : null;
    }
}
