using System.Text.Json;

namespace Ingestor.Providers.Ashby;

/// <summary>
/// A location's postal address as one place, "Locality, Region, Country". Ashby joins several offices into one address
/// ("San Francisco, Seattle" / "California, Washington"); such parts name no one place and are left out.
/// </summary>
internal static class AshbyAddress
{
    public static string? TextOf(JsonElement? holder)
    {
        if (holder?.Property("address")?.Property("postalAddress") is not { } address)
            return null;
        var parts = new[] { "addressLocality", "addressRegion", "addressCountry" }
            .Select(name => address.String(name)?.Trim())
            .Where(part => part is { Length: > 0 } && !part.Contains(','))
            .ToList();
        return parts.Count == 0 ? null : string.Join(", ", parts);
    }
}
