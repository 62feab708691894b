using Ingestor.Storage;

namespace Ingestor.Serving.Pages;

/// <summary>
/// What the record page shows, read by the same queries as the four contract calls that reproduce it (the record with its
/// description, its events, its company, its board), and the page's sections made of them.
/// </summary>
public sealed record RecordPageModel(
    JobRecord Job, string? Description, IReadOnlyList<PostingRecords.Event> Events, OrgRecord Org, SourceRecord Source, string ProviderName, string ApiOrigin)
{
    public const string EventsAnchor = "events";

    /// <summary>The company as its board spells it (the breadcrumb), and as read elsewhere on the page.</summary>
    public string CompanyName => Job.CompanyName ?? Org.Name;

    public string Company => PageText.Capitalized(CompanyName);

    public string Salary => PageText.Salary(Job.SalaryMin, Job.SalaryMax, Job.SalaryCurrency, Job.SalaryPeriod);

    /// <summary>Company · city · status · salary · provider, leaving out what the posting does not say.</summary>
    public string Summary => string.Join(" · ",
        new[] { Company, Job.City, PageText.Capitalized(Job.Status), Job.SalaryMin is null && Job.SalaryMax is null ? null : Salary, ProviderName }
            .Where(part => !string.IsNullOrWhiteSpace(part)));

    public IReadOnlyList<FieldRow> Facts =>
    [
        new("Company", Company),
        new("Title", Job.Title),
        new("Normalized title", PageText.Text(Job.NormalizedTitle)),
        new("Department / team", PageText.Text(string.Join(" / ", new[] { Job.Department, Job.Team }.Where(part => !string.IsNullOrWhiteSpace(part))))),
        new("Location", PageText.Place(Job.City, Job.Region, Job.Country, Job.IsRemote)),
        new("Work model", PageText.Text(Job.WorkplaceType)),
        new("Employment type", PageText.Text(Job.EmploymentType)),
        new("Salary", Salary),
        new("Status", Job.Status),
        new("ATS provider", ProviderName),
        new("Posted / first seen", $"{PageText.Date(Job.SourcePostedAt)} / {PageText.Date(Job.FirstSeenAt)}"),
        new("Changed / last seen", $"{PageText.Date(Job.LastChangedAt)} / {PageText.Date(Job.LastSeenAt)}"),
    ];

    public sealed record Slice(string Page, string Contains, string Href);

    /// <summary>The list pages around this posting; a city or department slice only when the posting names one.</summary>
    public IReadOnlyList<Slice> Slices
    {
        get
        {
            var slices = new List<Slice>
            {
                new("Company jobs", $"Postings from {Company}.", PageLinks.Slice("org_id", Job.OrgId.ToString())),
                new("Company breakdowns", "Role, location, ATS and work model counts for this company.", PageLinks.Breakdowns(Job.OrgId)),
                new("ATS provider jobs", $"Postings observed through {ProviderName}.", PageLinks.Slice("provider", Job.Provider)),
                new("Provider filtered search", "The same provider as a filtered job collection (JSON).", PageLinks.ApiSlice("provider", Job.Provider)),
            };
            if (!string.IsNullOrWhiteSpace(Job.City))
                slices.Add(new("City jobs", $"Postings in {Job.City}.", PageLinks.Slice("city", Job.City)));
            if (!string.IsNullOrWhiteSpace(Job.Department))
                slices.Add(new("Department jobs", $"Postings in {Job.Department}.", PageLinks.Slice("department", Job.Department)));
            slices.Add(new("Lifecycle events", "Open, update, close and reopen events for this posting.", $"#{EventsAnchor}"));
            if (PageText.WebAddress(Job.SourceUrl ?? Job.ApplyUrl) is { } original)
                slices.Add(new("Original posting", "Canonical source or apply URL captured from the ATS.", original));
            return slices;
        }
    }

    public IReadOnlyList<FieldRow> LinkedRecords =>
    [
        new("Company", $"{Company} ({Org.ActivePostings} active, {Org.InactivePostings} inactive postings)", PageLinks.ApiOrg(Org.OrgId)),
        new("Source", $"{Source.SourceId} ({Source.Provider}:{Source.BoardToken}, last poll {PageText.Time(Source.Health.LastPollAt)} {PageText.Text(Source.Health.LastOutcome)})",
            PageLinks.ApiSource(Source.SourceId)),
        new("ATS provider", ProviderName, PageLinks.Slice("provider", Job.Provider)),
        .. Lineage(),
    ];

    /// <summary>A repost's way back: the posting it reposts, and the first posting of its line with when that was first seen.</summary>
    private IEnumerable<FieldRow> Lineage()
    {
        var lineage = Job.Extensions["lineage"]!;
        if ((string?)lineage["reposted_from"] is not { } earlier)
            yield break;
        yield return new("Reposted from", earlier, PageLinks.Record(earlier));
        var first = (string)lineage["lineage_id"]!;
        yield return new("First of its line", $"{first} (first seen {PageText.Date(lineage["lineage_first_seen_at"]!.GetValue<DateTime>())})", PageLinks.Record(first));
    }

    public IReadOnlyList<FieldRow> FullRecord => JobRecordRows.Of(Job);

    public sealed record JsonBlock(string Title, string Json);

    public IReadOnlyList<JsonBlock> JsonBlocks =>
    [
        new("Event fields", PageText.Json(Job.EventFields)),
        new("Parsed structured", PageText.Json(Job.Parsed)),
        new("Extensions", PageText.Json(Job.Extensions)),
        new("Native structured", PageText.Json(Job.Native)),
    ];

    /// <summary>The four contract calls that reproduce the page, as paths to follow and as full addresses to copy.</summary>
    public IReadOnlyList<FieldRow> ApiCalls =>
        new[] { PageLinks.ApiJob(Job.JobId), PageLinks.ApiOrg(Org.OrgId), PageLinks.ApiSource(Source.SourceId), PageLinks.ApiEvents(Job.JobId) }
            .Select(path => new FieldRow("GET", ApiOrigin + path, path))
            .ToList();
}
