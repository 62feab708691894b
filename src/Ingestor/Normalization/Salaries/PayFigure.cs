using System.Text.RegularExpressions;

namespace Ingestor.Normalization.Salaries;

/// <summary>A range ("$120-150k", "between CAD $95,000 and CAD $115,000") or a single figure, as written; whether it is pay is decided later.</summary>
internal sealed partial record PayFigure(MoneyAmount First, MoneyAmount Last, string? CurrencyWritten)
{
    /// <summary>Salary bands wider than this (top over bottom) are not one band: "$50k–$500k deal sizes".</summary>
    private const decimal WidestBand = 5m;

    public bool IsRange => First != Last;

    public decimal Min => First.Value;

    public decimal Max => Last.Value;

    /// <summary>Salaries quoted in lakhs ("12-18 LPA", "₹12 lakh") are rupees even when no symbol is written.</summary>
    public bool ImpliesRupees => Last.Multiplier == 100_000m || Last.Multiplier == 10_000_000m;

    /// <summary>
    /// Pairs neighbouring amounts joined by a range connector; every other amount stands alone. Most figures without a
    /// currency are later dropped, unless a code stands beside them ("Salary (CAD): 90,000 - 110,000").
    /// </summary>
    public static IEnumerable<PayFigure> FindAll(IReadOnlyList<MoneyAmount> amounts, string text)
    {
        for (var index = 0; index < amounts.Count; index++)
        {
            var first = amounts[index];
            if (index + 1 < amounts.Count && TryJoin(first, amounts[index + 1], text) is { } range)
            {
                yield return range;
                index++;
            }
            else
                yield return new PayFigure(first, first, first.CurrencyWritten);
        }
    }

    private static PayFigure? TryJoin(MoneyAmount first, MoneyAmount last, string text)
    {
        var connector = ConnectorPattern().Match(text[first.End..last.Start]);
        if (!connector.Success)
            return null;
        if (connector.Groups["conjunction"].Success && !BetweenPattern().IsMatch(text[Math.Max(0, first.Start - 30)..first.Start]))
            return null;
        if (first.CurrencyWritten is { } firstCurrency && last.CurrencyWritten is { } lastCurrency && !Currencies.Agree(firstCurrency, lastCurrency))
            return null;

        // "$120-150k": the bottom borrows the top's multiplier when it is a small bare number, and the other way round.
        if (first.Multiplier is null && last.Multiplier is not null && first.IsBareInteger && first.Number < 1000)
            first = first.WithMultiplier(last.Multiplier);
        else if (last.Multiplier is null && first.Multiplier is not null && last.IsBareInteger && last.Number < 1000)
            last = last.WithMultiplier(first.Multiplier);

        if (first.Value <= 0 || first.Value > last.Value || last.Value > first.Value * WidestBand)
            return null;
        var currency = string.Join(' ', new[] { first.CurrencyWritten, last.CurrencyWritten }.OfType<string>().Distinct());
        return new PayFigure(first, last, currency.Length == 0 ? null : currency);
    }

    /// <summary>
    /// What may stand between the two ends of a range; a period may follow the first, compact or in words ("$20/hr - $25/hr",
    /// "$216,000 year to $367,200/year", "45 000 € par an à 55 000 € par an").
    /// </summary>
    [GeneratedRegex("""
        ^\s*(?:/\s*\p{L}{1,5}\.?\s*
          | (?:(?:per|pro|par|por|a|an)\s+)?(?:year|yr|annum|month|week|day|hour|hr|Jahr|Monat|Woche|Tag|Stunde|an|mois|semaine|jour|heure|año|mes|semana|día|hora)\s*,?\s*
          | (?:annually|yearly|monthly|weekly|daily|hourly|jährlich|monatlich|annuel|mensuel)\s*,?\s*)?
        (?:-{1,2}|–|—|‑|−|~|〜|～|to|through|thru|bis|à|a|au|hasta|até|al|tot|till
          |(?<conjunction>and|und|et|y|e|och|en))
        \s*$
        """, RegexOptions.IgnoreCase | RegexOptions.IgnorePatternWhitespace | RegexOptions.ExplicitCapture)]
    private static partial Regex ConnectorPattern();

    [GeneratedRegex(@"\b(?:between|zwischen|entre|tra|tussen|mellan)\b", RegexOptions.IgnoreCase)]
    private static partial Regex BetweenPattern();
}
