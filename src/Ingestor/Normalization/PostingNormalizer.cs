using System.Buffers;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ingestor.Greenhouse;

namespace Ingestor.Normalization;

/// <summary>Turns one Greenhouse job into the posting we store: decoded description, parsed place and pay, classifications, fingerprints.</summary>
public sealed class PostingNormalizer(LocationParser locationParser, LaunchScope launchScope)
{
    private readonly LocationCache locations = new(locationParser);

    /// <summary>What identifies a job across polls, and the hash of the job exactly as sent: cheap, and all an unchanged posting needs.</summary>
    public static (string JobId, string SourceHash) Identify(string provider, string boardToken, GreenhouseJob job) =>
        (JobId.For(provider, boardToken, job.Id.ToString(CultureInfo.InvariantCulture)), CanonicalJson.Sha256Hex(job.Source));

    public NormalizedPosting Normalize(string provider, string boardToken, GreenhouseJob job)
    {
        var (jobId, sourceHash) = Identify(provider, boardToken, job);
        var description = HtmlText.FromEscapedContent(job.Content);
        var offices = job.Offices.Select(o => o.Location ?? o.Name).ToList();
        var location = locations.Parse(job.LocationName, offices);
        var metadata = job.Metadata.Where(m => m.Value is not null).Select(m => KeyValuePair.Create(m.Name, m.Value!)).ToList();
        var salaries = CompensationOf(job, description?.Text, location.CountryCode);
        var salary = salaries.FirstOrDefault();
        var workplace = WorkplaceTypes.Infer(metadata, location.WorkplaceType, job.Title);
        var workplaceType = workplace?.Value;
        var employment = EmploymentTypes.Infer(metadata, job.Title, description?.Text);
        var isRemote = location.IsRemote || workplaceType == WorkplaceTypes.Remote;
        var remotePolicy = RemotePolicyOf(location, isRemote);
        var title = Normalization.NormalizedTitle.Normalize(job.Title, PlaceNames(location));
        var department = DepartmentPath.FromGreenhouse([.. job.Departments.Select(d => new GreenhouseDepartmentRef(d.Id, d.Name, d.ParentId))]);
        var fingerprint = ContentFingerprint.Of(job, description?.Text);
        var language = job.Language?.Trim().ToLowerInvariant();

        var locationNode = LocationNode(location);
        var parsed = new JsonObject
        {
            ["language"] = language,
            ["location"] = locationNode,
            ["locations"] = new JsonArray([.. location.Alternatives.Select(LocationNode)]),
            ["salary_min"] = salary?.Min,
            ["salary_max"] = salary?.Max,
            ["salary_currency"] = salary?.Currency,
            ["salary_period"] = salary?.Period,
            ["salaries"] = new JsonArray([.. salaries.Select(SalaryNode)]),
            ["employment_type"] = employment?.Value,
            ["remote_policy"] = remotePolicy,
            ["workplace_type"] = workplaceType,
            ["title"] = new JsonObject { ["normalized"] = title.Title, ["seniority"] = title.Seniority, ["level"] = title.Level },
            ["confidence"] = new JsonObject
            {
                ["location"] = location.Confidence,
                ["salary"] = salary?.Confidence,
                ["employment_type"] = employment?.Confidence,
                ["workplace_type"] = workplace?.Confidence,
            },
            ["inferred_at"] = null,
            ["launch_scope"] = launchScope.Evaluate(language, location, locationNode),
        };

        return new NormalizedPosting(
            JobId: jobId,
            Provider: provider,
            BoardToken: boardToken,
            ProviderJobKey: job.Id.ToString(CultureInfo.InvariantCulture),
            CompanyName: job.CompanyName?.Trim(),
            Title: job.Title.Trim(),
            NormalizedTitle: title.Title,
            LocationText: job.LocationName?.Trim(),
            City: location.City,
            Region: location.Region,
            Country: location.Country,
            CountryCode: location.CountryCode,
            IsRemote: isRemote,
            WorkplaceType: workplaceType,
            RemotePolicy: remotePolicy,
            Department: department.Department,
            Team: department.Team,
            EmploymentType: employment?.Value,
            SalaryRaw: salary?.Raw,
            SalaryMin: salary?.Min,
            SalaryMax: salary?.Max,
            SalaryCurrency: salary?.Currency,
            SalaryPeriod: salary?.Period,
            SourceUrl: job.AbsoluteUrl,
            ApplyUrl: job.AbsoluteUrl,
            Language: language,
            SourcePostedAt: job.FirstPublished,
            SourceUpdatedAt: job.UpdatedAt,
            ContentHash: fingerprint.ContentHash,
            SourceHash: sourceHash,
            FieldHashes: fingerprint.FieldHashes,
            Native: WithoutContent(job.Source),
            DescriptionHtml: description?.Html,
            DescriptionText: description?.Text,
            Parsed: parsed);
    }

    /// <summary>Structured pay first (pay-transparency ranges, then a currency-range custom field), the description text last.</summary>
    private static IReadOnlyList<ParsedSalary> CompensationOf(GreenhouseJob job, string? text, string? countryCode)
    {
        if (job.PayRanges.Count > 0)
            return [.. job.PayRanges.Select(PayRangeSalary)];
        var field = job.Metadata.FirstOrDefault(m => m.ValueType == "currency_range" && m.Value is not null && IsPayName(m.Name));
        if (field is not null && MetadataSalary(field) is { } fromField)
            return [fromField];
        return SalaryParser.ParseAll(text, countryCode);
    }

    // Greenhouse states no period on pay ranges; ranges this small are hourly rates, the rest are annual.
    private static ParsedSalary PayRangeSalary(GreenhousePayRange range)
    {
        decimal min = range.MinCents / 100m, max = range.MaxCents / 100m;
        var period = max < 500 ? "hour" : "year";
        var raw = $"{range.Title}: {min.ToString("N0", CultureInfo.InvariantCulture)} - {max.ToString("N0", CultureInfo.InvariantCulture)} {range.Currency}".TrimStart(':', ' ');
        return new ParsedSalary(Math.Min(min, max), Math.Max(min, max), range.Currency, period, raw, 0.95);
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

    /// <summary>The places the posting names, so the title cleaner can drop a trailing "- London" only when the posting is in London.</summary>
    private static IReadOnlyCollection<string> PlaceNames(ParsedLocation location) =>
        [.. new[] { location }.Concat(location.Alternatives)
            .SelectMany(place => new[] { place.City, place.Region, place.Country, place.CountryCode })
            .OfType<string>()
            .Distinct(StringComparer.OrdinalIgnoreCase)];

    /// <summary>remote_only when remote is the only option named; remote_optional when a concrete place is offered beside it.</summary>
    private static string? RemotePolicyOf(ParsedLocation location, bool isRemote) =>
        !isRemote ? null : location.City is not null ? "remote_optional" : "remote_only";

    private static JsonObject LocationNode(ParsedLocation location) => new()
    {
        ["raw"] = location.Raw,
        ["city"] = location.City,
        ["region"] = location.Region,
        ["country"] = location.Country,
        ["country_code"] = location.CountryCode,
        ["is_remote"] = location.IsRemote,
        ["workplace_type"] = location.WorkplaceType,
        ["confidence"] = location.Confidence,
    };

    private static JsonObject SalaryNode(ParsedSalary salary) => new()
    {
        ["min"] = salary.Min,
        ["max"] = salary.Max,
        ["currency"] = salary.Currency,
        ["period"] = salary.Period,
        ["raw"] = salary.Raw,
        ["confidence"] = salary.Confidence,
    };

    /// <summary>The job as sent, minus <c>content</c>: the description lives in its own decoded columns.</summary>
    private static JsonElement WithoutContent(JsonElement source)
    {
        // A job that names a field twice is refused, with JsonObject's ArgumentException, as it always was.
        if (NamesAFieldTwice(source))
            JsonObject.Create(source)!.Remove("content");

        var native = new ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(native))
        {
            writer.WriteStartObject();
            foreach (var property in source.EnumerateObject())
                if (!property.NameEquals("content"))
                    property.WriteTo(writer);
            writer.WriteEndObject();
        }
        var reader = new Utf8JsonReader(native.WrittenSpan);
        return JsonElement.ParseValue(ref reader);
    }

    private static bool NamesAFieldTwice(JsonElement job)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in job.EnumerateObject())
            if (!names.Add(property.Name))
                return true;
        return false;
    }
}
