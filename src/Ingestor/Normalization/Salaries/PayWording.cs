using System.Text.RegularExpressions;

namespace Ingestor.Normalization.Salaries;

/// <summary>What the label before a figure says about it.</summary>
/// <param name="NamesPay">A salary word stands in the sentence before the figure ("salary", "base", "pay", "Gehalt", "年収").</param>
/// <param name="NamesTotalPay">The nearest such word is on-target or total pay ("OTE", "total compensation"), not base pay.</param>
/// <param name="EndsInRangeLabel">
/// The label ends in "… range", "… band", "rate:" or "range for this role is" right before the figure: enough for a range, not for one figure.
/// </param>
/// <param name="QuantifiesSomethingElse">A non-pay word is what the figure measures ("raised $150M", "stipend of up to $1,000", "+ $20K").</param>
/// <param name="IsCeiling">"up to", "as much as": the top only, and the usual wording of benefit caps ("up to $5,250 per year").</param>
/// <param name="IsFloor">"from", "starting at", "at least": the bottom only.</param>
internal sealed record LabelWording(bool NamesPay, bool NamesTotalPay, bool EndsInRangeLabel, bool QuantifiesSomethingElse, bool IsCeiling, bool IsFloor);

internal enum WordingAfter
{
    Neutral,
    NamesPay,

    /// <summary>What follows is how pay is written, not a salary word: "+ equity", "plus bonus", "+ super", "DOE".</summary>
    PayTail,
    NamesSomethingElse,
}

/// <summary>
/// The words around a figure that tell pay from the other money in a posting (funding, revenue, stipends, 401(k), equity).
/// A non-pay word only counts when it is what the figure measures, right before it with nothing but fillers between
/// ("raised over $150M") or right after it ("$1,000 learning stipend"), so that a role title such as "Revenue Accountant"
/// earlier in a salary sentence does not veto it.
/// </summary>
internal static partial class PayWording
{
    private const string NotPayWords = """
        raised?|raising|funding|funded|round|seed|series\s+[a-h]|valuation|valued|investors?|investments?|invested|backed|capital|funds?
        |revenues?|ARR|MRR|GMV|ACV|TCV|volume|GDP|markets?|opportunity|deals?|contracts?|quota|pipeline|portfolio|assets|AUM
        |loans?|lent|lending|financing|processe[sd]|processing|payments?|transactions?|spend|spent|spending|savings|save[sd]?
        |costs?|prices?|pricing|fees?|worth|prizes?|awards?|donat\w*|grants?|philanthrop\w*|initiative|budgets?|stipends?
        |allowances?|reimburs\w*|credits?|match(?:es|ed|ing)?|contribut\w*|pension|HSA|FSA|insurance|coverage|relocation
        |signing|sign-on|referral|tuition|learning|education|training|development|wellness|well-?being|gym|meals?|lunch|food
        |commuter|transit|internet|phone|equipment|home\s+office|travel|conference|per\s+diem|customers?|clients?|users?
        |members|employees|people|headcount|hires|downloads|visitors|merchants|businesses|companies|network|sales|payouts?
        |bount(?:y|ies)|discounts?|subsid(?:y|ies)|vouchers?|gifts?|average|avg|median|payroll|housing|rent
        |child\s?care|daycare|parking|car|mobile|plan|subscription|seat
        """;

    /// <summary>Salary words that may follow a figure ("$150,000 base salary"); the verb "pay" after a figure usually is not one.</summary>
    private const string PayWordsAfter = @"salar(?:y|ies)|base|compensation|wages?|gross|brutto|\w*gehalt\w*|salaire\w*";

    /// <summary>Pay that is real but not the salary itself when stated alone next to a figure ("$50,000 in equity"); after "and" or "+" it is an add-on.</summary>
    private const string AddOnWords = @"equity|bonus(?:es)?|stock|RSUs?|shares|options|commissions?|benefits?|incentives?";

    private const string TotalPayWords = @"OTE|on[-\s]target(?:\s+earnings)?|total\s+(?:target\s+)?(?:compensation|comp|cash|pay|earnings)|TTC";

    /// <summary>Salary nouns. "pay" counts as the noun ("Pay:", "base pay", "the pay for this role", "this role pays"), not the verb ("customers pay").</summary>
    private const string PayWords = """
        \b(?:salar(?:y|ies)|base|compensation|comp|wages?|remuneration|hourly\s+rate|day\s+rate|daily\s+rate
        |pay\s+rate|rate\s+of\s+pay|\w*gehalt\w*|vergütung|\w*lohn|entgelt|bezahlung|salaire\w*|rémunération|rémunéré\w*|sueldo
        |salario|remuneración|retribución|stipendio|retribuzione|RAL|salário|remuneração|salaris|\w*lön|wynagrodzenie|CTC)\b
        |年収|月給|時給|日給|給与|給料|報酬|年俸|月収|薪资|薪酬|月薪|年薪|연봉|급여|월급
        |(?<=\b(?:base|hourly|starting|annual|weekly|monthly|expected|target|total|gross|net|competitive|the|your|this|our)\s+)pay\b
        |\bpay(?=\s*(?::|\(|range|rate|band|scale|grade|is\b|for\s+this|of\b|will\b|transparency))
        |(?<=\b(?:role|position|job|shift|internship|contract|opportunity)\s+)pays\b
        """;

    public static LabelWording ReadLabel(string label)
    {
        var payWords = PayWordPattern().Matches(label);
        return new LabelWording(
            NamesPay: payWords.Count > 0,
            NamesTotalPay: payWords.Count > 0 && payWords[^1].Groups["total"].Success,
            EndsInRangeLabel: RangeLabelPattern().IsMatch(label),
            QuantifiesSomethingElse: NotPayRightBeforePattern().IsMatch(label),
            IsCeiling: CeilingPattern().IsMatch(label),
            IsFloor: FloorPattern().IsMatch(label));
    }

    /// <summary>Reads the few words after a figure up to the end of its clause; an add-on word only vetoes before any "and"/"with".</summary>
    public static WordingAfter ReadAfter(string textAfter)
    {
        if (PayTailPattern().IsMatch(textAfter))
            return WordingAfter.PayTail;
        var clause = ClauseStartPattern().Match(textAfter).Value;
        var afterConjunction = false;
        foreach (Match word in AfterWordPattern().Matches(clause))
        {
            if (word.Groups["pay"].Success)
                return WordingAfter.NamesPay;
            if (word.Groups["notPay"].Success || (word.Groups["addOn"].Success && !afterConjunction))
                return WordingAfter.NamesSomethingElse;
            if (word.Groups["conjunction"].Success)
                afterConjunction = true;
        }
        return WordingAfter.Neutral;
    }

    [GeneratedRegex("(?<total>\\b(?:" + TotalPayWords + ")\\b)|(?<pay>" + PayWords + ")",
        RegexOptions.IgnoreCase | RegexOptions.IgnorePatternWhitespace | RegexOptions.ExplicitCapture)]
    private static partial Regex PayWordPattern();

    [GeneratedRegex(@"\b(?:range|band|scale|rate|bracket|spanne|fourchette|rango)\b\s*(?:\([^)]{0,20}\))?(?:\s*(?:for|of)\s+(?:this|the)\s+(?:role|position|job|opening))?\s*(?::|is|of|=|will\s+be)?\s*$",
        RegexOptions.IgnoreCase)]
    private static partial Regex RangeLabelPattern();

    [GeneratedRegex($$"""
        (?:\b(?:{{NotPayWords}}|{{AddOnWords}}|plus|additional|extra)\b|401\s*\(?k\)?|\+)
        [\s:]*
        (?:(?:of|at|up|to|worth|totaling|totalling|over|nearly|almost|about|approximately|approx\.?|around|roughly|more|than|less
            |under|a|an|the|our|your|their|its|annual|annually|yearly|monthly|per|year|month|in|for|by|with|from|some|another
            |is|are|was|were|be|will|\d+(?:[.,]\d+)?%?)(?![\p{L}\d])[\s:,]*)*
        $
        """, RegexOptions.IgnoreCase | RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex NotPayRightBeforePattern();

    [GeneratedRegex(@"\b(?:up\s+to|upto|as\s+much\s+as|max(?:imum)?|bis\s+zu|jusqu['’]à|hasta)\s*:?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex CeilingPattern();

    [GeneratedRegex(@"\b(?:from|starting\s+(?:at|from)|starts\s+at|at\s+least|minimum|min\.?|ab|à\s+partir\s+de|desde)\s*:?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex FloorPattern();

    /// <summary>
    /// Whether a sentence shortly before announces pay figures to come: "the base pay ranges … are listed below", "salary as follows".
    /// Lists under such a sentence often label each line with a place only ("WA: $212,000—$235,000 USD").
    /// </summary>
    public static bool AnnouncesPayBelow(string textBefore) => PayAnnouncedBelowPattern().IsMatch(textBefore);

    [GeneratedRegex(@"\b(?:salar(?:y|ies)|pay|compensation|wages?)\b[^.!?]{0,150}\b(?:below|following|as\s+follows)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PayAnnouncedBelowPattern();

    /// <summary>
    /// A figure and its period followed by what it is for ("$12,000 per year for housing", "$3,000 a year to spend on learning"):
    /// with no salary word in sight, that is a benefit, not pay.
    /// </summary>
    public static bool IsFollowedByPurpose(string textAfterPeriod) => PurposePattern().IsMatch(textAfterPeriod);

    [GeneratedRegex(@"^\s*(?:for|to|towards?|on|in|into|per|of)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PurposePattern();

    [GeneratedRegex(@"^[\s,]*(?:(?:\+|plus|and|&|with)\s*(?:an?\s+)?(?:generous\s+|competitive\s+|meaningful\s+|annual\s+|\d+\s?%\s+)?(?:" + AddOnWords + @"|super(?:annuation)?|tips)|\(?(?:DOE|depending\s+on\s+experience|based\s+on\s+experience|OTE))\b",
        RegexOptions.IgnoreCase)]
    private static partial Regex PayTailPattern();

    /// <summary>The start of the clause after a figure: at most six words, cut at punctuation or a bullet that closes it ("€60K – €80K • Offers Equity").</summary>
    [GeneratedRegex(@"^(?:\s*[^\s,;:!?()+.•▪●|]+){0,6}")]
    private static partial Regex ClauseStartPattern();

    [GeneratedRegex("(?<pay>\\b(?:" + PayWordsAfter + ")\\b)|(?<notPay>\\b(?:" + NotPayWords + ")\\b)|(?<addOn>\\b(?:" + AddOnWords + ")\\b)|(?<conjunction>\\b(?:and|plus|with|including|incl|inclusive|excluding|excl|und|et|y)\\b|&)",
        RegexOptions.IgnoreCase | RegexOptions.IgnorePatternWhitespace | RegexOptions.ExplicitCapture)]
    private static partial Regex AfterWordPattern();
}
