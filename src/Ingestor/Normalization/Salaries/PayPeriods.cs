using System.Text.RegularExpressions;

namespace Ingestor.Normalization.Salaries;

/// <summary>How often a figure is paid: stated after it ("per hour", "/yr", "brutto pro Jahr"), named before it ("Hourly rate", "年収"), or inferred from its size.</summary>
internal static partial class PayPeriods
{
    public const string Year = "year";
    public const string Month = "month";
    public const string Week = "week";
    public const string Day = "day";
    public const string Hour = "hour";

    /// <summary>
    /// What a period may hold, in rough purchasing-power dollars. Outside these a figure is something else: a budget, a fee, a funding round.
    /// <c>Floor</c> applies when the figure is labelled as pay (a salary word, a range label, "+ equity"); <c>BareFloor</c> when only the stated period is
    /// ("$28.50/hr" yes, "$1,500 annually for learning" no).
    /// </summary>
    private static readonly Dictionary<string, (decimal Floor, decimal BareFloor, decimal Ceiling)> PlausibleDollars = new()
    {
        [Hour] = (3m, 5m, 1_000m),
        [Day] = (20m, 50m, 5_000m),
        [Week] = (100m, 250m, 25_000m),
        [Month] = (400m, 1_000m, 150_000m),
        [Year] = (6_000m, 10_000m, 2_500_000m),
    };

    /// <summary>An unstated period is only guessed where sizes do not overlap: salary-sized is a year, wage-sized is an hour; between is left alone.</summary>
    private const decimal InferredYearFloorDollars = 10_000m;
    private const decimal InferredYearCeilingDollars = 1_500_000m;
    private const decimal InferredHourFloorDollars = 5m;
    private const decimal InferredHourCeilingDollars = 150m;

    /// <summary>The period stated right after a figure, past words such as "gross" or a currency code; its length lets the caller read on after it.</summary>
    public static (string Period, int Length)? StatedAfter(string textAfter)
    {
        var match = StatedAfterPattern().Match(textAfter);
        return match.Success ? (PeriodOf(match.Groups), match.Length) : null;
    }

    /// <summary>The period a label before the figure names, the nearest one winning: "The annual salary … is", "Hourly rate:", "Day rate".</summary>
    public static string? NamedBefore(string label)
    {
        var matches = NamedBeforePattern().Matches(label);
        return matches.Count == 0 ? null : PeriodOf(matches[^1].Groups);
    }

    public static bool IsPlausible(decimal minDollars, decimal maxDollars, string period, bool labelledAsPay)
    {
        var (floor, bareFloor, ceiling) = PlausibleDollars[period];
        return minDollars >= (labelledAsPay ? floor : bareFloor) && maxDollars <= ceiling;
    }

    public static string? InferFromSize(decimal minDollars, decimal maxDollars)
    {
        if (minDollars >= InferredYearFloorDollars && maxDollars <= InferredYearCeilingDollars)
            return Year;
        if (minDollars >= InferredHourFloorDollars && maxDollars <= InferredHourCeilingDollars)
            return Hour;
        return null;
    }

    private static string PeriodOf(GroupCollection groups) =>
        groups["hour"].Success ? Hour : groups["day"].Success ? Day : groups["week"].Success ? Week : groups["month"].Success ? Month : Year;

    [GeneratedRegex($$"""
        ^\s*
        (?:\(?\s*(?:gross|brutto|bruto|brutos|bruta|brutas|brut|bruts|brute|base|salary|total|fixed|fixe|pre-tax|before\s+tax(?:es)?|(?-i:{{Currencies.CodePattern}}))\s*\)?\s*)*
        (?:
            (?<hour>per\s+(?:hour|hr)|an?\s+hour|/\s*(?:hr|hour|h)|p/h|hourly|pro\s+Stunde|/\s*Std\.?|stündlich|par\s+heure|(?:de|à|a)\s+l['’]heure|/\s*heure
                |por\s+hora|/\s*hora|all['’]ora|/\s*ora|per\s+uur|/\s*uur|i\s+timmen|/\s*tim|/\s*時間?)
          | (?<day>per\s+day|a\s+day|/\s*(?:day|d)|daily|pro\s+Tag|/\s*Tag|täglich|par\s+jour|/\s*jour|por\s+día|al\s+día|/\s*día
                |al\s+giorno|/\s*giorno|per\s+dag|/\s*dag|/\s*日)
          | (?<week>per\s+week|a\s+week|/\s*(?:wk|week|w)|weekly|pro\s+Woche|/\s*Woche|wöchentlich|par\s+semaine|/\s*semaine
                |por\s+semana|/\s*semana|a\s+settimana|/\s*週)
          | (?<month>per\s+(?:month|mo)|a\s+month|/\s*(?:mo|mth|month|mon)|monthly|pro\s+Monat|/\s*Monat|im\s+Monat|monatlich
                |par\s+mois|/\s*mois|mensuel(?:le)?s?|por\s+m[eê]s|mensais|miesięcznie|al\s+mes|/\s*mes|mensual(?:es)?|al\s+mese|/\s*mese|mensil[ei]
                |per\s+maand|/\s*maand|per\s+månad|i\s+månaden|/\s*mån|/\s*月|月額)
          | (?<year>per\s+(?:year|annum|yr)|a\s+year|/\s*(?:yr|year|y|annum)|annually|annual|yearly|p\.\s?a\.?|pa|jährlich|pro\s+Jahr
                |im\s+Jahr|/\s*Jahr|p\.\s?J\.|par\s+an(?:née)?|/\s*an|(?:bruts?\s+)?annuel(?:le)?s?|por\s+año|al\s+año|/\s*año
                |anual(?:es)?|por\s+ano|anuais|rocznie|all['’]anno|/\s*anno|(?:lordi\s+)?annu[oi]|per\s+jaar|/\s*jaar|per\s+år|om\s+året|/\s*år|/\s*年|年額)
        )
        (?![\p{L}])
        """, RegexOptions.IgnorePatternWhitespace | RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture)]
    private static partial Regex StatedAfterPattern();

    [GeneratedRegex("""
          (?<year>\b(?:annual(?:ly|ized|ised)?|yearly|per\s+annum|Jahres(?:gehalt|brutto\w*|zielgehalt|vergütung|lohn)|Bruttojahres\w*
                |jährlich\w*|annuel(?:le)?s?|anual(?:es)?|annu[oa]|årslön)\b|年収|年俸|年薪|연봉)
        | (?<month>\b(?:monthly|Monats(?:gehalt|brutto\w*|lohn|vergütung)|Bruttomonats\w*|monatlich\w*|mensuel(?:le)?s?|mensual(?:es)?
                |mensile|månadslön)\b|月給|月収|月薪|월급)
        | (?<week>\b(?:weekly|Wochen(?:lohn|gehalt)|wöchentlich\w*|hebdomadaire)\b|週給)
        | (?<day>\b(?:daily|day\s+rate|per\s+day|Tagessatz|täglich\w*|TJM|journalier\w*|dagpris)\b|日給|日当)
        | (?<hour>\b(?:hourly|per\s+hour|Stunden(?:lohn|satz)|stündlich\w*|horaire|por\s+hora|timlön)\b|時給)
        """, RegexOptions.IgnorePatternWhitespace | RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture)]
    private static partial Regex NamedBeforePattern();
}
