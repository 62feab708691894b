using System.ComponentModel.DataAnnotations;

namespace Ingestor.Serving.Access;

/// <summary>
/// Each client's budget on the read API: a token bucket of <see cref="Burst"/> requests refilled at <see cref="PermitsPerSecond"/>.
/// A client is its API key when it sent a valid one, else its IP address. 0 permits a second turns the limit off.
/// </summary>
public sealed class RateLimitOptions : IValidatableObject
{
    public const string Section = "ReadApi:RateLimit";

    public double PermitsPerSecond { get; set; } = 20;

    public int Burst { get; set; } = 100;

    public bool IsOn => PermitsPerSecond > 0;

    // Both checked here rather than one by an attribute, so a start refused for one names the other too.
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!(PermitsPerSecond == 0 || PermitsPerSecond is >= 0.001 and <= 1_000_000))
            yield return new ValidationResult(
                "ReadApi:RateLimit:PermitsPerSecond (env ReadApi__RateLimit__PermitsPerSecond) must be 0 (no limit) or between 0.001 and 1000000",
                [nameof(PermitsPerSecond)]);
        if (Burst is < 1 or > 1_000_000)
            yield return new ValidationResult("ReadApi:RateLimit:Burst (env ReadApi__RateLimit__Burst) must be between 1 and 1000000", [nameof(Burst)]);
    }
}
