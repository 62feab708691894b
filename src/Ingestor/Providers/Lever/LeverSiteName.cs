using System.Text.RegularExpressions;

namespace Ingestor.Providers.Lever;

/// <summary>
/// A Lever site, the first segment of <c>jobs.lever.co/{site}</c>, kept as Lever spells it (<c>Ubiminds</c>). A site hosted
/// in the EU (<c>jobs.eu.lever.co/{site}</c>) is named <c>eu:{site}</c>, so the board says which host to ask.
/// </summary>
internal static partial class LeverSiteName
{
    public const string EuPrefix = "eu:";

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")]
    private static partial Regex Shape();

    public static bool TryNormalize(string candidate, out string token, out string problem)
    {
        var text = candidate.Trim();
        var eu = text.StartsWith(EuPrefix, StringComparison.OrdinalIgnoreCase);
        var site = Uri.UnescapeDataString(eu ? text[EuPrefix.Length..] : text).Trim();
        token = eu ? EuPrefix + site : site;
        problem = Shape().IsMatch(site)
            ? ""
            : $"'{text}' is not a Lever site (the name in jobs.lever.co/SITE, e.g. 'plaid'; eu:SITE for jobs.eu.lever.co)";
        return problem.Length == 0;
    }

    /// <summary>The site and whether it is hosted in the EU, from a token as stored.</summary>
    public static (string Site, bool InEu) Parse(string token) =>
        token.StartsWith(EuPrefix, StringComparison.Ordinal) ? (token[EuPrefix.Length..], true) : (token, false);
}
