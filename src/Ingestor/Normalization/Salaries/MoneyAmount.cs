using System.Globalization;
using System.Text.RegularExpressions;

namespace Ingestor.Normalization.Salaries;

/// <summary>
/// One number as written, with whatever currency and multiplier stand next to it: "$120K", "70.000 €", "CHF 120'000", "₹20,00,000", "150",
/// "70 k€" (a spaced "k" only before a currency, since "12 K" may be anything).
/// <see cref="Start"/> and <see cref="End"/> cover the currency too, so a passage can be cut around the figure.
/// </summary>
internal sealed partial record MoneyAmount(int Start, int End, decimal Number, decimal? Multiplier, string? CurrencyWritten, bool IsBareInteger, bool StatesLakhsPerAnnum)
{
    public decimal Value => Number * (Multiplier ?? 1m);

    public MoneyAmount WithMultiplier(decimal? multiplier) => this with { Multiplier = multiplier };

    /// <summary>A currency written before a figure is never longer than this ("USD AUD$ " is 9 characters).</summary>
    private const int LongestCurrencyBefore = 16;

    /// <summary>Every number in the text, in order; most carry no currency and only matter as the bare end of a range ("150,000 - 180,000 USD").</summary>
    /// <remarks>
    /// Each search starts a little before the next digit rather than scanning every letter of the text for a currency that
    /// might begin an amount; the amounts found are the same, since every amount has a digit that close to its start.
    /// </remarks>
    public static IReadOnlyList<MoneyAmount> FindAll(string text)
    {
        var amounts = new List<MoneyAmount>();
        for (var from = 0; NextDigit(text, from) is var digit and >= 0;)
        {
            var match = AmountPattern().Match(text, Math.Max(from, digit - LongestCurrencyBefore));
            if (!match.Success)
                break;
            amounts.Add(Read(match));
            from = match.Index + match.Length;
        }
        return amounts;
    }

    // Amounts are written in ASCII digits; other decimal digits (full-width, Devanagari) are never read as one.
    private static int NextDigit(string text, int from)
    {
        for (var index = from; index < text.Length; index++)
            if (char.IsAsciiDigit(text[index]))
                return index;
        return -1;
    }

    private static MoneyAmount Read(Match match)
    {
        var groups = match.Groups;
        var number = ParseNumber(groups);
        var multiplierWritten = groups["multiplier"].Success ? groups["multiplier"].Value : null;
        var currencyWritten = string.Join(' ', new[] { groups["prefix"], groups["suffix"] }.Where(g => g.Success).Select(g => g.Value.Trim()));
        return new MoneyAmount(
            match.Index,
            match.Index + match.Length,
            number,
            multiplierWritten is null ? null : MultiplierOf(multiplierWritten),
            currencyWritten.Length == 0 ? null : currencyWritten,
            IsBareInteger: groups["plain"].Success && groups["plain"].Value.All(char.IsAsciiDigit),
            StatesLakhsPerAnnum: multiplierWritten == "LPA");
    }

    /// <summary>Grouping tells the separators apart: "60.000" is sixty thousand in German, "28.50" is a decimal everywhere.</summary>
    private static decimal ParseNumber(GroupCollection groups)
    {
        string digits;
        if (groups["comma"].Success || groups["indian"].Success || groups["apostrophe"].Success)
            digits = groups["number"].Value.Replace(",", "").Replace("'", "").Replace("’", "");
        else if (groups["dot"].Success || groups["space"].Success)
            digits = groups["number"].Value.Replace(".", "").Replace(" ", "").Replace(',', '.');
        else
            digits = groups["number"].Value.Replace(',', '.');
        return decimal.Parse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
    }

    private static decimal MultiplierOf(string written) => written.TrimEnd('.').ToLowerInvariant() switch
    {
        "k" or "thousand" or "tsd" or "千" => 1_000m,
        "万" or "만" => 10_000m,
        "lakh" or "lakhs" or "lac" or "lacs" or "lpa" => 100_000m,
        "m" or "mm" or "mn" or "million" or "mio" => 1_000_000m,
        "crore" or "crores" or "cr" => 10_000_000m,
        "b" or "bn" or "billion" or "mrd" => 1_000_000_000m,
        _ => 1_000_000_000_000m, // t, tn, trillion
    };

    private const string CurrencyBefore =
        "(?:(?:" + Currencies.CodePattern + @")\s?)?(?:" + Currencies.SymbolPattern + ")|(?:" + Currencies.CodePattern + ")(?![A-Za-z])";

    private const string CurrencyAfter = Currencies.CodePattern + "|" + Currencies.SuffixSymbolPattern;

    [GeneratedRegex($$"""
        (?<![A-Za-z\d])
        (?:(?<prefix>{{CurrencyBefore}})\s?)?
        (?<![\d.,])
        (?<number>
            (?<indian>[0-9]{1,2}(?:,[0-9]{2})+,[0-9]{3}(?:\.[0-9]{1,2})?)
          | (?<comma>[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]{1,2})?)
          | (?<dot>[0-9]{1,3}(?:\.[0-9]{3})+(?:,[0-9]{1,2})?)
          | (?<apostrophe>[0-9]{1,3}(?:['’][0-9]{3})+(?:\.[0-9]{1,2})?)
          | (?<space>[0-9]{1,3}(?:\x20[0-9]{3})+(?:,[0-9]{1,2})?)
          | (?<plain>[0-9]+(?:[.,][0-9]{1,2})?)
        )
        (?!\d)
        (?:[.,][-–]{1,2})?
        (?:
            (?<multiplier>mm|MM|mn|bn|tn|[kKmMbBtT])(?![A-Za-z])
          | \x20(?<multiplier>[kK])(?=\x20?(?:{{CurrencyAfter}})(?![A-Za-z]))
          | \x20?(?<multiplier>thousand|million|billion|trillion|Mio\.|Mrd\.|Tsd\.|lakhs?|lacs?|crores?|[Cc]r|LPA)(?![A-Za-z])
          | (?<multiplier>万|千|만)
        )?
        (?:\x20?(?<suffix>{{CurrencyAfter}})(?![A-Za-z]))?
        """, RegexOptions.IgnorePatternWhitespace | RegexOptions.ExplicitCapture)]
    private static partial Regex AmountPattern();
}
