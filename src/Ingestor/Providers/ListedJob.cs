using System.Text.Json;

namespace Ingestor.Providers;

/// <summary>
/// A job as a snapshot lists it: its provider's id (<c>provider_job_key</c>) and its object exactly as sent. All that an
/// unchanged posting needs; the provider reads the rest (<see cref="SourceJob"/>) only for jobs that are new or changed.
/// <see cref="Detail"/> is what a request of its own said about the job, for a provider whose list leaves out the content.
/// </summary>
public sealed record ListedJob(string Key, JsonElement Source, JsonElement? Detail = null);
