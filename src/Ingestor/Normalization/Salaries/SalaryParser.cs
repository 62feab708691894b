using Ingestor.Normalization.Salaries;

namespace Ingestor.Normalization.Salaries;

/// <summary>
/// Finds pay statements in a posting's plain-text description. A figure counts only with evidence that it is pay: a salary
/// word in its sentence, a range label, or a stated period; and it must be a plausible size for its period. Anything else
/// (funding, revenue, stipends, 401(k), user counts) is left out: a missing salary is better than an invented one.
/// </summary>
/// <remarks>
/// Confidence (0–1) adds up what backs the reading:
/// 0.40 for a figure with a currency that passed every check;
/// +0.15 when it is a range; +0.15 when the period is stated rather than inferred from size;
/// +0.20 when a salary word names it (+0.10 when only a range label, a pay tail such as "+ equity" or "DOE",
/// an earlier salary in the same sentence, or a sentence announcing pay "below" does);
/// +0.10 when the currency is unambiguous (a code, a one-currency symbol, or a country named beside a "$").
/// Open-ended figures ("up to $X", "from $X", "$X+"; min = max = X) and on-target or total pay are worth 0.8 of that.
/// "up to $X" needs a salary word, since without one it is how benefit caps are written.
/// So "Salary: $120,000–$150,000 USD per year" is 1.0, "Compensation: $165,000 (base)" 0.6, a bare "$28.50/hr" 0.55.
/// </remarks>
public static class SalaryParser
{
    /// <summary>How close a figure must follow an accepted one, in the same sentence, to share its salary word ("$100K (NYC), $90K (Austin)").</summary>
    private const int ListContinuationChars = 60;

    public static ParsedSalary? Parse(string? text, string? countryCode = null) => ParseAll(text, countryCode).FirstOrDefault();

    /// <summary>
    /// Every pay statement, in text order. When the text states base pay, on-target or total pay figures ("OTE $240K, base
    /// $120K–$150K") are dropped: the base is what a pay filter should see. OTE stated alone is kept, at lower confidence.
    /// </summary>
    public static IReadOnlyList<ParsedSalary> ParseAll(string? text, string? countryCode = null) => ParseAll(text, countryCode, isPayField: false);

    /// <summary>
    /// Pay in a field the provider keeps for it (Ashby's <c>compensationTierSummary</c>, "€173K – €310K • Offers Equity"): the
    /// field names it pay, so no salary word is needed; every other check (currency, size, what a figure measures) still holds.
    /// </summary>
    public static IReadOnlyList<ParsedSalary> ParsePayField(string? text, string? countryCode = null) => ParseAll(text, countryCode, isPayField: true);

    private static IReadOnlyList<ParsedSalary> ParseAll(string? text, string? countryCode, bool isPayField)
    {
        if (string.IsNullOrWhiteSpace(text))
            return [];
        var passage = new Passage(text);
        var codeWritten = Currencies.AnyCodeWrittenIn(passage.Text);
        var statements = new List<PayStatement>();
        foreach (var figure in PayFigure.FindAll(MoneyAmount.FindAll(passage.Text), passage.Text))
        {
            if (Read(figure, passage, countryCode, codeWritten, isPayField, statements.LastOrDefault()) is { } statement)
                statements.Add(statement);
        }
        var statesBasePay = statements.Any(statement => !statement.IsTotalPay);
        return statements.Where(statement => !(statesBasePay && statement.IsTotalPay)).Select(statement => statement.Salary).ToList();
    }

    /// <summary>Reads one figure as pay, or null: it needs a currency, evidence that it is pay, and a plausible size for its period.</summary>
    private static PayStatement? Read(PayFigure figure, Passage passage, string? countryCode, bool codeWritten, bool isPayField, PayStatement? previous)
    {
        // A figure without a currency of its own takes one only from a code beside it: none can be when no code is written at all.
        if (figure.CurrencyWritten is null && !figure.ImpliesRupees && !codeWritten)
            return null;
        var label = passage.LabelBefore(figure.First.Start);
        var after = passage.After(figure.Last.End);
        var (currency, currencyIsClear) = ResolveCurrency(figure, label, after, countryCode);
        if (currency is null)
            return null;

        var wording = PayWording.ReadLabel(label);
        var statedAfter = PayPeriods.StatedAfter(after);
        var afterPeriod = statedAfter is { } stated ? after[stated.Length..] : after;
        var wordingAfter = PayWording.ReadAfter(afterPeriod);
        if (wording.QuantifiesSomethingElse || wordingAfter == WordingAfter.NamesSomethingElse)
            return null;

        var namesPay = isPayField || wording.NamesPay || wordingAfter == WordingAfter.NamesPay;
        var continuesList = previous is not null
            && figure.First.Start - previous.End <= ListContinuationChars
            && !passage.SentenceEndsBetween(previous.End, figure.First.Start);
        var labelled = namesPay || wordingAfter == WordingAfter.PayTail || continuesList
            || (figure.IsRange && wording.EndsInRangeLabel) || PayWording.AnnouncesPayBelow(passage.Preceding(figure.First.Start));
        var statedPeriod = statedAfter?.Period
            ?? (figure.IsRange ? PayPeriods.StatedAfter(passage.Text[figure.First.End..figure.Last.Start])?.Period : null)
            ?? (figure.Last.StatesLakhsPerAnnum ? PayPeriods.Year : null);
        var isCeiling = !figure.IsRange && wording.IsCeiling;
        var isOpenEnded = isCeiling || (!figure.IsRange && (wording.IsFloor || after.StartsWith('+')));

        // Without a salary word, only a stated period makes a figure pay, and not when a purpose follows ("… per year for housing").
        if ((isCeiling && !namesPay) || (!labelled && (statedPeriod is null || PayWording.IsFollowedByPurpose(afterPeriod))))
            return null;

        var minDollars = Currencies.ToComparableDollars(figure.Min, currency);
        var maxDollars = Currencies.ToComparableDollars(figure.Max, currency);
        var namedPeriod = statedPeriod ?? (labelled ? PayPeriods.NamedBefore(label) : null);
        var period = namedPeriod ?? (labelled ? PayPeriods.InferFromSize(minDollars, maxDollars) : null);
        if (period is null || !PayPeriods.IsPlausible(minDollars, maxDollars, period, labelled))
            return null;

        var isTotalPay = wording.NamesTotalPay && wordingAfter != WordingAfter.NamesPay;
        var confidence = 0.40
            + (figure.IsRange ? 0.15 : 0)
            + (namedPeriod is not null ? 0.15 : 0)
            + (namesPay ? 0.20 : labelled ? 0.10 : 0)
            + (currencyIsClear ? 0.10 : 0);
        if (isOpenEnded || isTotalPay)
            confidence *= 0.8;

        var salary = new ParsedSalary(
            WithoutTrailingZeros(figure.Min),
            WithoutTrailingZeros(figure.Max),
            currency,
            period,
            passage.Raw(figure.First.Start, figure.Last.End),
            Math.Round(confidence, 2));
        return new PayStatement(salary, isTotalPay, figure.Last.End);
    }

    private static (string? Currency, bool IsClear) ResolveCurrency(PayFigure figure, string label, string after, string? countryCode)
    {
        if (figure.CurrencyWritten is not { } written)
        {
            if (figure.ImpliesRupees)
                return ("INR", true);
            var codeBeside = Currencies.CodeBeside(label, after);
            return (codeBeside, codeBeside is not null);
        }
        if (Currencies.IsExplicit(written))
            return (Currencies.Resolve(written, countryCode), true);
        if (written == "$" && Currencies.DollarNamedIn(label) is { } namedDollar)
            return (namedDollar, true);
        return (Currencies.Resolve(written, countryCode), false);
    }

    /// <summary>"$173,000.00" is stored as 173000, not 173000.00.</summary>
    private static decimal WithoutTrailingZeros(decimal value) => value / 1.0000000000000000000000000000m;

    private sealed record PayStatement(ParsedSalary Salary, bool IsTotalPay, int End);
}
