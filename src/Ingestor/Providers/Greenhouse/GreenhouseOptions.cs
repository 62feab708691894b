using System.ComponentModel.DataAnnotations;

namespace Ingestor.Providers.Greenhouse;

public sealed class GreenhouseOptions : IValidatableObject
{
    public const string Section = "Greenhouse";

    /// <summary><c>https://boards-api.greenhouse.io</c>, or a <c>file://</c> folder laid out like the API for offline runs.</summary>
    [Required(ErrorMessage = "Greenhouse:BaseUrl (env Greenhouse__BaseUrl) is required")]
    public Uri? BaseUrl { get; set; }

    /// <summary>Payloads larger than this (after decompression) are refused rather than read into memory.</summary>
    [Range(1024, long.MaxValue, ErrorMessage = "Greenhouse:MaxPayloadBytes must be at least 1024")]
    public long MaxPayloadBytes { get; set; } = 64L * 1024 * 1024;

    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(3);

    // The resilience library needs at least one retry; a setting of 0 would only fail at the first request.
    [Range(1, 10, ErrorMessage = "Greenhouse:MaxRetryAttempts must be between 1 and 10")]
    public int MaxRetryAttempts { get; set; } = 3;

    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// The longest a <c>Retry-After</c> is honoured; servers asking for more get this. A <c>Retry-After</c> on a 429 or 503 holds
    /// every request to that host, not only the retry of the one that got it.
    /// </summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Requests per second this replica sends to one provider host, retries included, evenly spaced (no bursts). Shared by
    /// every poll; 6,000 boards every 10 minutes is 10 a second.
    /// </summary>
    [Range(0.1, 100_000.0, ErrorMessage = "Greenhouse:MaxRequestsPerSecond must be between 0.1 and 100000")]
    public double MaxRequestsPerSecond { get; set; } = 10;

    /// <summary>Requests this replica has open to one provider host at once, from sending until the body is read.</summary>
    [Range(1, 256, ErrorMessage = "Greenhouse:MaxConcurrentRequests must be between 1 and 256")]
    public int MaxConcurrentRequests { get; set; } = 8;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (BaseUrl is { IsAbsoluteUri: false } || BaseUrl is { Scheme: not ("http" or "https" or "file") })
            yield return new ValidationResult("Greenhouse:BaseUrl must be an absolute http(s):// or file:// URL", [nameof(BaseUrl)]);
        if (AttemptTimeout <= TimeSpan.Zero || TotalTimeout < AttemptTimeout)
            yield return new ValidationResult("Greenhouse:AttemptTimeout must be positive and no longer than Greenhouse:TotalTimeout", [nameof(AttemptTimeout)]);
        if (RetryBaseDelay < TimeSpan.Zero || MaxRetryAfter < TimeSpan.Zero)
            yield return new ValidationResult("Greenhouse:RetryBaseDelay and Greenhouse:MaxRetryAfter cannot be negative", [nameof(RetryBaseDelay)]);
    }
}
