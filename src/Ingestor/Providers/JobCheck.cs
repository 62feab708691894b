using Ingestor.Reconciliation;

namespace Ingestor.Providers;

/// <summary>One request to a job's own endpoint, as a closed event's evidence records it.</summary>
public sealed record JobCheck(Uri Url, int? Status, DateTimeOffset CheckedAt, JobPresence Presence, string? Error = null);
