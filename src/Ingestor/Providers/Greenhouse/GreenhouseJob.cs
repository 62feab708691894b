using System.Text.Json;

namespace Ingestor.Providers.Greenhouse;

/// <summary>One job of a Greenhouse board payload, read tolerantly; <see cref="Source"/> is the object exactly as sent.</summary>
public sealed record GreenhouseJob(
    long Id,
    string Title,
    string? AbsoluteUrl,
    string? LocationName,
    string? CompanyName,
    string? Language,
    DateTimeOffset? FirstPublished,
    DateTimeOffset? UpdatedAt,
    IReadOnlyList<GreenhouseMetadata> Metadata,
    IReadOnlyList<GreenhouseDepartment> Departments,
    IReadOnlyList<GreenhouseOffice> Offices,
    IReadOnlyList<GreenhousePayRange> PayRanges,
    JsonElement Source)
{
    /// <summary>
    /// The description as sent (HTML, escaped once more), read from <see cref="Source"/> when asked for: most jobs of a poll
    /// are unchanged and only identified, and a description is most of a job.
    /// </summary>
    public string? Content => Source.String("content");
}

/// <summary>A custom field; <see cref="Value"/> is flattened to text (arrays joined, booleans "true"/"false"), null when empty.</summary>
public sealed record GreenhouseMetadata(string Name, string? Value, string? ValueType, JsonElement RawValue);

public sealed record GreenhouseDepartment(long Id, string Name, long? ParentId);

public sealed record GreenhouseOffice(long Id, string Name, string? Location);

/// <summary>A pay-transparency range; Greenhouse states the bounds in cents. <see cref="Blurb"/> is the HTML shown under it ("&lt;p&gt;Base salary&lt;/p&gt;").</summary>
public sealed record GreenhousePayRange(long MinCents, long MaxCents, string Currency, string? Title, string? Blurb = null);
