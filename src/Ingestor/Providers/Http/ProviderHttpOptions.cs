using System.ComponentModel.DataAnnotations;

namespace Ingestor.Providers.Http;

/// <summary>
/// How one provider's API is reached: where, how patiently, and how politely. Each provider has its own section
/// (<c>Greenhouse</c>, <c>Ashby</c>, …) with these settings; every message names the setting as configured.
/// </summary>
public abstract class ProviderHttpOptions : IValidatableObject
{
    /// <summary>The configuration section, as messages name it.</summary>
    protected abstract string SectionName { get; }

    /// <summary>The API's base URL, or a <c>file://</c> folder laid out like the API, for offline runs.</summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>Payloads larger than this (after decompression) are refused rather than read into memory.</summary>
    public long MaxPayloadBytes { get; set; } = 64L * 1024 * 1024;

    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>Retries of a failed request; the resilience library needs at least one (0 would only fail at the first request).</summary>
    public int MaxRetryAttempts { get; set; } = 3;

    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// The longest a <c>Retry-After</c> is honoured; servers asking for more get this. A <c>Retry-After</c> on a 429 or 503 holds
    /// every request to that host, not only the retry of the one that got it.
    /// </summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Requests per second this replica sends to one host of the provider, retries included, evenly spaced (no bursts). Shared
    /// by every poll; 6,000 boards every 10 minutes is 10 a second.
    /// </summary>
    public double MaxRequestsPerSecond { get; set; } = 10;

    /// <summary>Requests this replica has open to one host at once, from sending until the body is read.</summary>
    public int MaxConcurrentRequests { get; set; } = 8;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var section = SectionName;
        if (BaseUrl is null)
            yield return Problem($"{section}:BaseUrl (env {section}__BaseUrl) is required", nameof(BaseUrl));
        else if (!BaseUrl.IsAbsoluteUri || BaseUrl.Scheme is not ("http" or "https" or "file"))
            yield return Problem($"{section}:BaseUrl must be an absolute http(s):// or file:// URL", nameof(BaseUrl));
        if (MaxPayloadBytes < 1024)
            yield return Problem($"{section}:MaxPayloadBytes must be at least 1024", nameof(MaxPayloadBytes));
        if (AttemptTimeout <= TimeSpan.Zero || TotalTimeout < AttemptTimeout)
            yield return Problem($"{section}:AttemptTimeout must be positive and no longer than {section}:TotalTimeout", nameof(AttemptTimeout));
        if (MaxRetryAttempts is < 1 or > 10)
            yield return Problem($"{section}:MaxRetryAttempts must be between 1 and 10", nameof(MaxRetryAttempts));
        if (RetryBaseDelay < TimeSpan.Zero || MaxRetryAfter < TimeSpan.Zero)
            yield return Problem($"{section}:RetryBaseDelay and {section}:MaxRetryAfter cannot be negative", nameof(RetryBaseDelay));
        if (MaxRequestsPerSecond is < 0.1 or > 100_000 || double.IsNaN(MaxRequestsPerSecond))
            yield return Problem($"{section}:MaxRequestsPerSecond must be between 0.1 and 100000", nameof(MaxRequestsPerSecond));
        if (MaxConcurrentRequests is < 1 or > 256)
            yield return Problem($"{section}:MaxConcurrentRequests must be between 1 and 256", nameof(MaxConcurrentRequests));
    }

    private static ValidationResult Problem(string message, string member) => new(message, [member]);
}
