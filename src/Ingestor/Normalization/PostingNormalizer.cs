using System.Buffers;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ingestor.Normalization.Descriptions;
using Ingestor.Normalization.Fingerprints;
using Ingestor.Normalization.Locations;
using Ingestor.Normalization.Salaries;
using Ingestor.Normalization.Titles;
using Ingestor.Providers;

namespace Ingestor.Normalization;

/// <summary>Turns one job of any provider into the posting we store: decoded description, parsed place and pay, classifications, fingerprints.</summary>
public sealed class PostingNormalizer(LocationParser locationParser, LaunchScope launchScope)
{
    private readonly LocationCache locations = new(locationParser);

    // What a provider states in a field of its own is as telling as a custom field that names it.
    private const double Stated = 0.95;

    /// <summary>What identifies a job across polls, and the hash of the job exactly as sent: cheap, and all an unchanged posting needs.</summary>
    public static (string JobId, string SourceHash) Identify(string provider, string boardToken, ListedJob job) =>
        Identify(provider, boardToken, job.Key, job.Source);

    private static (string JobId, string SourceHash) Identify(string provider, string boardToken, string key, JsonElement source) =>
        (JobId.For(provider, boardToken, key), CanonicalJson.Sha256Hex(source));

    /// <summary>Where the board's postings are, read once per snapshot and passed to <see cref="Normalize"/> for each of its jobs.</summary>
    public BoardPlaces BoardPlacesOf(IEnumerable<SourceJob> jobs) =>
        BoardPlaces.Of(jobs.Select(job => locations.Parse(job.LocationText, job.Places, BoardPlaces.None)));

    /// <param name="identity">The job's id and source hash when the caller has them already (a poll identifies every job it lists).</param>
    public NormalizedPosting Normalize(
        string provider, string boardToken, SourceJob job, BoardPlaces? board = null, (string JobId, string SourceHash)? identity = null)
    {
        FieldLimits.Check(job);
        var (jobId, sourceHash) = identity ?? Identify(provider, boardToken, job.Key, job.Source);
        var description = job.DescriptionHtml() is { } html && !string.IsNullOrWhiteSpace(html) ? HtmlText.FromHtml(html) : null;
        var location = locations.Parse(job.LocationText, job.Places, board ?? BoardPlaces.None);
        // Structured pay first; the description is read for pay only when the provider states none.
        var salaries = job.Pay.Count > 0 ? job.Pay : SalaryParser.ParseAll(description?.Text, location.CountryCode);
        var salary = salaries.FirstOrDefault();
        var workplace = job.WorkplaceType is { } statedWorkplace
            ? new Inferred(statedWorkplace, Stated, Provenance.Structured)
            : WorkplaceTypes.Infer(job.Fields, location.WorkplaceType, job.Title);
        var workplaceType = workplace?.Value;
        var employment = job.EmploymentType is { } statedEmployment
            ? new Inferred(statedEmployment, Stated, Provenance.Structured)
            : EmploymentTypes.Infer(job.Fields, job.Title, description?.Text);
        var isRemote = location.IsRemote || workplaceType == WorkplaceTypes.Remote;
        var remotePolicy = RemotePolicyOf(location, isRemote);
        var title = Titles.NormalizedTitle.Normalize(job.Title, PlaceNames(location));
        var fingerprint = ContentFingerprint.Of(job.Content, description?.Text);
        var language = job.Language?.Trim().ToLowerInvariant();

        var locationNode = LocationNode(location);
        var launch = launchScope.Evaluate(language, location, locationNode);
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
            ["launch_scope"] = launch,
            ["parser_version"] = ParserVersion.Current,
            ["provenance"] = new JsonObject
            {
                ["location"] = HasPlace(location) ? Provenance.Of(Provenance.Structured, location.Confidence) : null,
                ["salary"] = salary is null ? null : Provenance.Of(job.Pay.Count > 0 ? Provenance.Structured : Provenance.Text, salary.Confidence),
                ["employment_type"] = Provenance.Of(employment),
                ["workplace_type"] = Provenance.Of(workplace),
                // A title is cleaned, not guessed: no confidence is scored for it.
                ["title"] = title.Title is null ? null : Provenance.Of(Provenance.Structured, null),
                // The scope rests on the language as stated and on the places as read: as sure as the reading of the place.
                ["launch_scope"] = Provenance.Of(Provenance.Derived, location.Confidence),
                ["department"] = job.Department is null ? null : Provenance.Of(Provenance.Structured, Stated),
                ["team"] = job.Team is null ? null : Provenance.Of(Provenance.Structured, Stated),
            },
        };

        return new NormalizedPosting(
            JobId: jobId,
            Provider: provider,
            BoardToken: boardToken,
            ProviderJobKey: job.Key,
            CompanyName: job.CompanyName?.Trim(),
            Title: job.Title.Trim(),
            NormalizedTitle: title.Title,
            LocationText: job.LocationText?.Trim(),
            City: location.City,
            Region: location.Region,
            Country: location.Country,
            CountryCode: location.CountryCode,
            IsRemote: isRemote,
            WorkplaceType: workplaceType,
            RemotePolicy: remotePolicy,
            Department: job.Department,
            Team: job.Team,
            EmploymentType: employment?.Value,
            SalaryRaw: salary?.Raw,
            SalaryMin: salary?.Min,
            SalaryMax: salary?.Max,
            SalaryCurrency: salary?.Currency,
            SalaryPeriod: salary?.Period,
            SourceUrl: job.SourceUrl,
            ApplyUrl: job.ApplyUrl,
            Language: language,
            SourcePostedAt: job.PostedAt,
            SourceUpdatedAt: job.UpdatedAt,
            ContentHash: fingerprint.ContentHash,
            SourceHash: sourceHash,
            FieldHashes: fingerprint.FieldHashes,
            Native: Without(job.Source, job.DescriptionProperties),
            DescriptionHtml: description?.Html,
            DescriptionText: description?.Text,
            Parsed: parsed);
    }

    /// <summary>The places the posting names, so the title cleaner can drop a trailing "- London" only when the posting is in London.</summary>
    private static IReadOnlyCollection<string> PlaceNames(ParsedLocation location) =>
        [.. new[] { location }.Concat(location.Alternatives)
            .SelectMany(place => new[] { place.City, place.Region, place.Country, place.CountryCode })
            .OfType<string>()
            .Distinct(StringComparer.OrdinalIgnoreCase)];

    private static bool HasPlace(ParsedLocation location) =>
        location.City is not null || location.Region is not null || location.Country is not null || location.IsRemote || location.Alternatives.Count > 0;

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

    /// <summary>The job as sent, minus its description's properties: the description lives in its own decoded columns.</summary>
    private static JsonElement Without(JsonElement source, IReadOnlyList<string> descriptionProperties)
    {
        // A job that names a field twice is refused, with JsonObject's ArgumentException, as it always was.
        if (NamesAFieldTwice(source))
            JsonObject.Create(source)!.Remove(descriptionProperties.FirstOrDefault() ?? "");

        var native = new ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(native))
        {
            writer.WriteStartObject();
            foreach (var property in source.EnumerateObject())
                if (!IsOneOf(property, descriptionProperties))
                    property.WriteTo(writer);
            writer.WriteEndObject();
        }
        var reader = new Utf8JsonReader(native.WrittenSpan);
        return JsonElement.ParseValue(ref reader);
    }

    private static bool IsOneOf(JsonProperty property, IReadOnlyList<string> names)
    {
        foreach (var name in names)
            if (property.NameEquals(name))
                return true;
        return false;
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
