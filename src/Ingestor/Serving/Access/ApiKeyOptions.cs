using System.ComponentModel.DataAnnotations;

namespace Ingestor.Serving.Access;

/// <summary>
/// Keys the read API accepts in the <c>X-Api-Key</c> header. None (the default): no key is asked for. Configured only as
/// SHA-256 hashes in hexadecimal, so the settings never hold a key; a key's hash is <c>printf %s "$KEY" | sha256sum</c>.
/// </summary>
public sealed class ApiKeyOptions : IValidatableObject
{
    public const string Section = "ReadApi";

    public List<string> ApiKeys { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        for (var i = 0; i < ApiKeys.Count; i++)
            if (!IsSha256Hex(ApiKeys[i]))
                yield return new ValidationResult(
                    $"ReadApi:ApiKeys:{i} (env ReadApi__ApiKeys__{i}) must be a key's SHA-256 hash as 64 hexadecimal digits, " +
                    "from printf %s \"$KEY\" | sha256sum", [nameof(ApiKeys)]);
    }

    private static bool IsSha256Hex(string value) => value.Length == 64 && value.All(char.IsAsciiHexDigit);
}
