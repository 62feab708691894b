using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Ingestor.Normalization;
using Ingestor.Normalization.Salaries;
using Ingestor.Providers;

namespace Ingestor.Renormalization;

/// <summary>
/// Rebuilds the <see cref="SourceJob"/> the normalizer read from what a posting's row keeps: the job as sent
/// (<c>native</c>), with the description as stored in place of the properties <c>native</c> leaves out, and, where a
/// provider's list leaves out the detail that states pay (SmartRecruiters), the structured pay the row holds.
/// </summary>
public sealed partial class StoredJobSource(ProviderCatalog providers)
{
    /// <summary>The job, and whether its pay is the row's own because the stored job cannot state it.</summary>
    public sealed record Rebuilt(SourceJob Job, bool PayKeptFromRow);

    /// <summary>Throws <see cref="InvalidOperationException"/> or <see cref="ArgumentException"/> when the stored job cannot be read.</summary>
    public Rebuilt Rebuild(StoredJob stored, string parsed)
    {
        var provider = providers.For(stored.Provider);
        var native = JsonSerializer.Deserialize<JsonElement>(stored.Native);
        var key = provider.KeyOf(native) ?? throw new InvalidOperationException($"its stored {provider.DisplayName} job has no usable id");
        var job = provider.ReadJob(new ListedJob(key, native));
        // A provider that reads something besides the description from its plain mirror (Ashby's office days) reads the stored text.
        var plainMirrors = job.DescriptionProperties.Where(name => name.EndsWith("Plain", StringComparison.Ordinal)).ToList();
        if (plainMirrors.Count > 0 && stored.DescriptionText is { } text)
        {
            var restored = JsonNode.Parse(stored.Native)!.AsObject();
            foreach (var name in plainMirrors)
                restored[name] = text;
            job = provider.ReadJob(new ListedJob(key, JsonSerializer.SerializeToElement(restored)));
        }
        job = job with { DescriptionHtml = () => stored.DescriptionHtml };

        if (provider is IFetchesDetails && job.Pay.Count == 0 && StatedPay(stored, parsed) is { } pay)
            return new Rebuilt(job with { Pay = [pay] }, PayKeptFromRow: true);
        return new Rebuilt(job, PayKeptFromRow: false);
    }

    /// <summary>
    /// The pay a row holds from a provider field: so its provenance says, or, for a row derived before provenance, a range
    /// whose passage is not in the description (a range read from the text is a passage of it).
    /// </summary>
    internal static ParsedSalary? StatedPay(StoredJob stored, string parsed)
    {
        var node = JsonNode.Parse(parsed);
        if (node?["salaries"] is not JsonArray { Count: > 0 } salaries || salaries[0] is not JsonObject first
            || first["raw"]?.GetValue<string>() is not { } raw)
            return null;
        var stated = node["provenance"] is JsonObject provenance
            ? provenance["salary"]?["source"]?.GetValue<string>() == Provenance.Structured
            : stored.DescriptionText is not { } text || !Collapsed(text).Contains(Collapsed(raw), StringComparison.Ordinal);
        return stated
            ? new ParsedSalary(
                first["min"]!.GetValue<decimal>(), first["max"]!.GetValue<decimal>(), first["currency"]!.GetValue<string>(),
                first["period"]!.GetValue<string>(), raw, first["confidence"]!.GetValue<double>())
            : null;
    }

    // The salary parser cuts its passage from the text with runs of white space made one space.
    private static string Collapsed(string text) => WhiteSpaceRun().Replace(text, " ");

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpaceRun();
}
