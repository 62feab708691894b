using System.Text.RegularExpressions;

namespace Ingestor.Normalization.Salaries;

/// <summary>Currency symbols and codes as written in postings, resolved to ISO 4217.</summary>
internal static partial class Currencies
{
    /// <summary>
    /// Rough purchasing-power dollars per unit, only to judge whether a figure is salary-sized, so one floor fits every country
    /// (₹4,00,000 a year is a salary, $4,000 a year is not). A factor of two off changes little.
    /// </summary>
    private static readonly Dictionary<string, decimal> ApproximateDollarsPerUnit = new()
    {
        ["USD"] = 1m, ["CAD"] = 0.83m, ["AUD"] = 0.69m, ["NZD"] = 0.69m, ["SGD"] = 1.19m, ["HKD"] = 0.175m,
        ["GBP"] = 1.47m, ["EUR"] = 1.4m, ["CHF"] = 0.95m, ["JPY"] = 0.0105m, ["CNY"] = 0.27m, ["INR"] = 0.045m,
        ["SEK"] = 0.118m, ["NOK"] = 0.105m, ["DKK"] = 0.154m, ["ISK"] = 0.0071m, ["PLN"] = 0.5m, ["CZK"] = 0.077m,
        ["HUF"] = 0.0059m, ["RON"] = 0.5m, ["BRL"] = 0.4m, ["MXN"] = 0.1m, ["ARS"] = 0.003m, ["CLP"] = 0.0022m,
        ["COP"] = 0.00067m, ["PEN"] = 0.55m, ["ZAR"] = 0.14m, ["ILS"] = 0.26m, ["AED"] = 0.43m, ["SAR"] = 0.55m,
        ["KRW"] = 0.0012m, ["TWD"] = 0.071m, ["THB"] = 0.083m, ["MYR"] = 0.67m, ["IDR"] = 0.00021m, ["PHP"] = 0.053m,
        ["VND"] = 0.00013m, ["TRY"] = 0.1m, ["NGN"] = 0.005m, ["KES"] = 0.022m, ["EGP"] = 0.2m, ["UAH"] = 0.11m,
    };

    private static readonly Dictionary<string, string> CurrencyBySymbol = new()
    {
        ["US$"] = "USD", ["USD$"] = "USD", ["CA$"] = "CAD", ["CAN$"] = "CAD", ["C$"] = "CAD", ["AU$"] = "AUD",
        ["AUD$"] = "AUD", ["A$"] = "AUD", ["NZ$"] = "NZD", ["S$"] = "SGD", ["SG$"] = "SGD", ["HK$"] = "HKD",
        ["MX$"] = "MXN", ["R$"] = "BRL", ["NT$"] = "TWD", ["£"] = "GBP", ["€"] = "EUR", ["₹"] = "INR", ["Rs"] = "INR",
        ["₩"] = "KRW", ["₪"] = "ILS", ["₺"] = "TRY", ["₱"] = "PHP", ["₦"] = "NGN", ["zł"] = "PLN", ["Kč"] = "CZK",
        ["円"] = "JPY", ["元"] = "CNY", ["원"] = "KRW", ["RMB"] = "CNY",
    };

    /// <summary>Where a bare "$" means the local dollar (or peso) rather than the US dollar.</summary>
    private static readonly Dictionary<string, string> DollarByCountry = new(StringComparer.OrdinalIgnoreCase)
    {
        ["CA"] = "CAD", ["AU"] = "AUD", ["NZ"] = "NZD", ["SG"] = "SGD", ["HK"] = "HKD", ["TW"] = "TWD",
        ["MX"] = "MXN", ["AR"] = "ARS", ["CL"] = "CLP", ["CO"] = "COP",
    };

    private static readonly Dictionary<string, string> KronaByCountry = new(StringComparer.OrdinalIgnoreCase)
    {
        ["SE"] = "SEK", ["NO"] = "NOK", ["DK"] = "DKK", ["IS"] = "ISK",
    };

    /// <summary>The amount pattern's currency alternatives; longer spellings first so "CA$" wins over "$".</summary>
    internal const string SymbolPattern =
        @"US\$|USD\$|CAN\$|CA\$|C\$|AUD\$|AU\$|A\$|NZ\$|SG\$|S\$|HK\$|MX\$|R\$|NT\$|\$|£|€|¥|￥|₹|₩|₪|₺|₱|₦|Rs\.?|kr\.?";

    internal const string SuffixSymbolPattern = @"\$|£|€|¥|￥|₹|₩|₪|₺|₱|₦|kr\.?|zł|Kč|円|元|원|[Ee]uros?|dollars?";

    /// <summary>The ISO codes the parser reads; each has a rate in <see cref="ApproximateDollarsPerUnit"/> (RMB is written for CNY).</summary>
    internal const string CodePattern =
        "USD|CAD|AUD|NZD|SGD|HKD|GBP|EUR|CHF|JPY|CNY|RMB|INR|SEK|NOK|DKK|ISK|PLN|CZK|HUF|RON|BRL|MXN|ARS|CLP|COP|PEN|ZAR|ILS|AED|SAR|KRW|TWD|THB|MYR|IDR|PHP|VND|TRY|NGN|KES|EGP|UAH";

    /// <summary>
    /// The ISO code for what a posting wrote before or after an amount ("CAD $", "CA$", "€", "kr"), or null when it cannot be told:
    /// a stated code beats a symbol, a bare "$" or "¥" or "kr" takes the posting's country, and a bare "$" with no hint is the US dollar.
    /// </summary>
    internal static string? Resolve(string written, string? countryCode)
    {
        var code = IsoCodeIn().Match(written);
        if (code.Success)
            return code.Value == "RMB" ? "CNY" : code.Value;
        var symbol = SymbolIn(written);
        if (CurrencyBySymbol.TryGetValue(symbol, out var currency))
            return currency;
        return symbol switch
        {
            "$" => countryCode is not null && DollarByCountry.TryGetValue(countryCode, out var dollar) ? dollar : "USD",
            "¥" or "￥" => string.Equals(countryCode, "CN", StringComparison.OrdinalIgnoreCase) ? "CNY" : "JPY",
            "kr" => countryCode is not null && KronaByCountry.TryGetValue(countryCode, out var krona) ? krona : null,
            _ => null,
        };
    }

    /// <summary>True when the writing names its currency unambiguously (a code or a one-currency symbol), not a bare "$", "¥" or "kr".</summary>
    internal static bool IsExplicit(string written) =>
        IsoCodeIn().IsMatch(written) || CurrencyBySymbol.ContainsKey(SymbolIn(written));

    /// <summary>One symbol for what may be written before and after a figure ("€ … euros"), with words read as their symbol.</summary>
    private static string SymbolIn(string written) =>
        written.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(part => part.TrimEnd('.')).First() switch
        {
            var word when word.StartsWith("euro", StringComparison.OrdinalIgnoreCase) => "€",
            var word when word.StartsWith("dollar", StringComparison.OrdinalIgnoreCase) => "$",
            var symbol => symbol,
        };

    /// <summary>Whether the two ends of a range can name one currency: a bare "$" agrees with "CAD" ("$67,000 — $79,000 CAD"), "£" does not with "€".</summary>
    internal static bool Agree(string first, string second)
    {
        var firstMeanings = PossibleMeanings(first);
        return PossibleMeanings(second).Any(firstMeanings.Contains);
    }

    private static IReadOnlySet<string> PossibleMeanings(string written)
    {
        if (IsExplicit(written))
            return new HashSet<string> { Resolve(written, null)! };
        return SymbolIn(written) switch
        {
            "$" => DollarByCountry.Values.Append("USD").ToHashSet(),
            "¥" or "￥" => new HashSet<string> { "JPY", "CNY" },
            "kr" => KronaByCountry.Values.ToHashSet(),
            _ => new HashSet<string>(),
        };
    }

    /// <summary>
    /// A dollar code or country named in the label before a bare "$" says which dollar it is: "Salary range (AUD): $…",
    /// "Canadian base salary", "Canada Annual Pay Range". The nearest mention wins.
    /// </summary>
    internal static string? DollarNamedIn(string label)
    {
        var matches = DollarCountryName().Matches(label);
        if (matches.Count == 0)
            return null;
        var named = matches[^1].Groups;
        if (named["code"].Success)
            return named["code"].Value;
        return named["cad"].Success ? "CAD" : named["aud"].Success ? "AUD" : named["nzd"].Success ? "NZD"
            : named["sgd"].Success ? "SGD" : named["hkd"].Success ? "HKD" : "USD";
    }

    /// <summary>A code labelling figures written without a symbol: "Salary (CAD): 90,000", "Gehalt in EUR: 60.000", "90,000 (USD)".</summary>
    internal static string? CodeBeside(string label, string after)
    {
        var code = CodeEndingLabel().Match(label);
        if (!code.Success)
            code = CodeOpeningAfter().Match(after);
        return code.Success ? Resolve(code.Groups["code"].Value, null) : null;
    }

    /// <summary>Whether an ISO code stands anywhere in the text, however it is placed.</summary>
    internal static bool AnyCodeWrittenIn(string text) => AnyCode().IsMatch(text);

    internal static decimal ToComparableDollars(decimal amount, string currency) =>
        ApproximateDollarsPerUnit.TryGetValue(currency, out var rate) ? amount * rate : amount;

    [GeneratedRegex(CodePattern)]
    private static partial Regex AnyCode();

    [GeneratedRegex("(?<![A-Z])(?:" + CodePattern + ")(?![A-Z])")]
    private static partial Regex IsoCodeIn();

    /// <summary>"(CAD):", "in EUR", "USD:"; a code with neither brackets, "in" nor a colon is more likely the end of an earlier figure ("… 72.000 EUR").</summary>
    [GeneratedRegex(@"(?:\(\s*(?<code>" + CodePattern + @")\s*\)\s*:?|\bin\s+(?<code>" + CodePattern + @")\s*:?|\b(?<code>" + CodePattern + @")\s*:)\s*$")]
    private static partial Regex CodeEndingLabel();

    [GeneratedRegex(@"^\s*\(\s*(?<code>" + CodePattern + @")\s*\)")]
    private static partial Regex CodeOpeningAfter();

    [GeneratedRegex(@"\b(?:(?<code>USD|CAD|AUD|NZD|SGD|HKD|MXN|TWD)|(?<cad>Canad(?:a|ian))|(?<aud>Australian?)|(?<nzd>New\s+Zealand)|(?<sgd>Singapore(?:an)?)|(?<hkd>Hong\s+Kong)|(?<usd>US|U\.S\.|USA|United\s+States|American))(?!\w)")]
    private static partial Regex DollarCountryName();
}
