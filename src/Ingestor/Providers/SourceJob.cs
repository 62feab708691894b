using System.Text.Json;
using Ingestor.Normalization.Fingerprints;
using Ingestor.Normalization.Salaries;
using Ingestor.Normalization;

namespace Ingestor.Providers;

/// <summary>
/// One job of a board as its provider sent it, in the terms normalization needs and in no provider's names. A provider's
/// reader builds it from the job object; <see cref="Source"/> is that object exactly as sent, from which the source hash and
/// <c>native</c> are taken.
/// </summary>
public sealed record SourceJob
{
    /// <summary>The provider's own id of the job (<c>provider_job_key</c>), as text.</summary>
    public required string Key { get; init; }

    public required string Title { get; init; }

    public string? CompanyName { get; init; }

    /// <summary>The location as the provider writes it for readers ("San Francisco, CA", "Remote - US").</summary>
    public string? LocationText { get; init; }

    /// <summary>Every further place the job names (offices, the other locations of a multi-place job), as text.</summary>
    public IReadOnlyList<string> Places { get; init; } = [];

    /// <summary>Custom fields flattened to text, by name, for the workplace and employment classifiers.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Fields { get; init; } = [];

    /// <summary>How the job is held, when the provider states it in a field of its own (an <see cref="EmploymentTypes"/> value).</summary>
    public string? EmploymentType { get; init; }

    /// <summary>Where the work is done, when the provider states it in a field of its own (a <see cref="WorkplaceTypes"/> value).</summary>
    public string? WorkplaceType { get; init; }

    /// <summary>Pay the provider states in structured fields, most telling first; the description is read only when this is empty.</summary>
    public IReadOnlyList<ParsedSalary> Pay { get; init; } = [];

    public string? Department { get; init; }

    public string? Team { get; init; }

    public string? SourceUrl { get; init; }

    public string? ApplyUrl { get; init; }

    public string? Language { get; init; }

    public DateTimeOffset? PostedAt { get; init; }

    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>
    /// The description as HTML (decoded: no longer escaped for transport), read only when the job is normalized: most jobs of
    /// a poll are unchanged and only identified, and a description is most of a job.
    /// </summary>
    public required Func<string?> DescriptionHtml { get; init; }

    /// <summary>The job object exactly as sent.</summary>
    public required JsonElement Source { get; init; }

    /// <summary>The properties of <see cref="Source"/> that hold the description, left out of <c>native</c>.</summary>
    public IReadOnlyList<string> DescriptionProperties { get; init; } = [];

    /// <summary>
    /// What a reader of the posting sees besides its description, field by field, from the provider's own values: the
    /// content hash and the changed fields of an update are made of these. Volatile values (update times, internal ids) stay out.
    /// </summary>
    public required IReadOnlyList<ContentField> Content { get; init; }
}
