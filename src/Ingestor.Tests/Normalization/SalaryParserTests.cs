using System.Globalization;
using Ingestor.Normalization.Salaries;
using Ingestor.Normalization;

namespace Ingestor.Tests.Normalization;

public sealed class SalaryParserTests
{
    private const string FalPosting =
        "fal is the generative media ecosystem powering the next generation of AI products.\nRequirements\n"
        + "5+ years building large scale, fault tolerant, distributed systems\nCompensation:\n"
        + "$180,000 - $250,000 + equity + comprehensive benefits package\nLocation:\n"
        + "We are currently hiring in downtown San Francisco.";

    [Fact]
    public void TheFalPostingYieldsTheContractedPassageAndRange()
    {
        var salary = SalaryParser.Parse(FalPosting);

        AssertSalary(salary, 180000, 250000, "USD", "year");
        Assert.Equal(
            "Compensation: $180,000 - $250,000 + equity + comprehensive benefits package Location: We are currently hiring in",
            salary!.Raw);
    }

    [Theory]
    [InlineData("年収１２００万円")]
    [InlineData("Salary: $१५०,००० per year")]
    [InlineData("Team of ١٢ engineers, founded in ２０１９.")]
    public void DigitsOtherThanAsciiAreNeverReadAsAnAmount(string text)
    {
        Assert.Empty(SalaryParser.ParseAll(text));
    }

    [Fact]
    public void RawCutsWholeWordsAroundTheFiguresOfTheCollapsedText()
    {
        var salary = SalaryParser.Parse("The   base\tsalary\n\nfor this role is $120,000–$150,000 USD per year, plus equity and a generous benefits package.");

        Assert.Equal("for this role is $120,000–$150,000 USD per year, plus equity and a generous benefits package.", salary!.Raw);
    }

    [Theory]
    [InlineData("Salary: $180,000 - $250,000", 180000, 250000)]
    [InlineData("Salary: $120K–$150K", 120000, 150000)]
    [InlineData("Salary: $120-150k", 120000, 150000)]
    [InlineData("Salary: $120,000 — $150,000", 120000, 150000)]
    [InlineData("Salary: $120,000 to $150,000", 120000, 150000)]
    [InlineData("The salary is between $120,000 and $150,000.", 120000, 150000)]
    [InlineData("Salary: $120,000.00 - $150,000.00/yr", 120000, 150000)]
    public void ReadsAnnualDollarRangesInTheirUsualSpellings(string text, double min, double max) =>
        AssertSalary(SalaryParser.Parse(text), (decimal)min, (decimal)max, "USD", "year");

    [Theory]
    [InlineData("Pay range: $45 - $60 per hour", 45, 60, "hour")]
    [InlineData("$28.50/hr", 28.5, 28.5, "hour")]
    [InlineData("Interns are paid $40/hr.", 40, 40, "hour")]
    [InlineData("Hourly rate: $25.00 – $32.00", 25, 32, "hour")]
    [InlineData("Salary: $8,000 - $10,000 per month", 8000, 10000, "month")]
    [InlineData("Weekly pay: $1,200 - $1,500 per week", 1200, 1500, "week")]
    [InlineData("Contract role. Day rate £450.", 450, 450, "day")]
    public void ReadsTheStatedPayPeriod(string text, double min, double max, string period) =>
        Assert.Equal(((decimal)min, (decimal)max, period), Summary(SalaryParser.Parse(text)));

    [Theory]
    [InlineData("The annual salary is between CAD $95,000 and CAD $115,000.", "CAD")]
    [InlineData("Salary Range: 150,000 - 180,000 USD", "USD")]
    [InlineData("Pay range: CA$55,000 - CA$65,000 per year.", "CAD")]
    [InlineData("Salary: A$140,000 – A$170,000 + super", "AUD")]
    [InlineData("Salary: US$150,000 – US$170,000", "USD")]
    [InlineData("Salary range: £60,000 - £75,000", "GBP")]
    [InlineData("Salary: €55,000 - €65,000 per year", "EUR")]
    [InlineData("Salary: CHF 120'000 – 140'000", "CHF")]
    [InlineData("年収 ¥6,000,000 - ¥8,000,000", "JPY")]
    [InlineData("Pay: ₹20,00,000 - ₹30,00,000 per annum", "INR")]
    [InlineData("Salary (CAD): 90,000 - 110,000", "CAD")]
    public void ReadsCurrencyCodesAndSymbolsBeforeOrAfterTheFigures(string text, string currency) =>
        Assert.Equal(currency, SalaryParser.Parse(text)?.Currency);

    [Theory]
    [InlineData("€60.000 – €80.000 brutto pro Jahr", 60000, 80000, "EUR", "year")]
    [InlineData("Gehalt: 70.000 € bis 90.000 € jährlich", 70000, 90000, "EUR", "year")]
    [InlineData("Vergütung: 4.500 € brutto monatlich", 4500, 4500, "EUR", "month")]
    [InlineData("Stundenlohn: 15,50 € pro Stunde", 15.5, 15.5, "EUR", "hour")]
    [InlineData("Rémunération : 45 000 € - 55 000 € par an", 45000, 55000, "EUR", "year")]
    [InlineData("Pay: ₹20,00,000 - ₹30,00,000 per annum", 2000000, 3000000, "INR", "year")]
    [InlineData("Salary: CHF 120'000 – 140'000", 120000, 140000, "CHF", "year")]
    [InlineData("年収 600万円〜900万円", 6000000, 9000000, "JPY", "year")]
    [InlineData("Salary: ₹12 - 18 LPA", 1200000, 1800000, "INR", "year")]
    [InlineData("Gehalt: 60.000,- € bis 70.000,- € jährlich", 60000, 70000, "EUR", "year")]
    [InlineData("Le poste est rémunéré entre 38 000 et 42 000 euros brut par an.", 38000, 42000, "EUR", "year")]
    public void ReadsEuropeanAndIndianGroupingAndNonEnglishWording(string text, double min, double max, string currency, string period) =>
        AssertSalary(SalaryParser.Parse(text), (decimal)min, (decimal)max, currency, period);

    [Theory]
    [InlineData("Jahresgehalt: CHF 110’000 – 130’000 brutto", 110000, 130000, "CHF", "year")]
    [InlineData("Salary: CHF 120'000.- to 140'000.- p.a.", 120000, 140000, "CHF", "year")]
    [InlineData("Rémunération : 45\u202f000 € à 55\u202f000 € brut annuel", 45000, 55000, "EUR", "year")]
    [InlineData("Salary: 120\u2009000 € per annum", 120000, 120000, "EUR", "year")]
    [InlineData("Salary: 72 000 EUR", 72000, 72000, "EUR", "year")]
    [InlineData("Gehalt: EUR 60.000 - 75.000 brutto/Jahr", 60000, 75000, "EUR", "year")]
    [InlineData("Gehalt: 60.000 EUR brutto/Jahr", 60000, 60000, "EUR", "year")]
    [InlineData("Salary range: USD 150K–180K", 150000, 180000, "USD", "year")]
    [InlineData("salary: 60k–80k GBP", 60000, 80000, "GBP", "year")]
    [InlineData("Base salary: $120–150k", 120000, 150000, "USD", "year")]
    [InlineData("Base salary: 120k–150k USD", 120000, 150000, "USD", "year")]
    [InlineData("Salary: £40-45k", 40000, 45000, "GBP", "year")]
    [InlineData("Salary: 45-55k €", 45000, 55000, "EUR", "year")]
    [InlineData("Salary: 60–70 k€", 60000, 70000, "EUR", "year")]
    public void ReadsGroupingAndCurrenciesWrittenOnEitherSideOrOnOneEndOfAKRange(string text, double min, double max, string currency, string period) =>
        AssertSalary(SalaryParser.Parse(text), (decimal)min, (decimal)max, currency, period);

    [Theory]
    [InlineData("Salary: £30,000 pro rata", 30000, 30000, "GBP", "year")]
    [InlineData("Salary: £32,000 - £36,000 per annum, pro rata for part-time", 32000, 36000, "GBP", "year")]
    [InlineData("Salary: £25,000 FTE pro rata", 25000, 25000, "GBP", "year")]
    [InlineData("Salary: £40,000 p.a.", 40000, 40000, "GBP", "year")]
    [InlineData("Vergütung: 55.000 € jährlich", 55000, 55000, "EUR", "year")]
    [InlineData("Salaire : 60 000 - 70 000 € bruts annuels", 60000, 70000, "EUR", "year")]
    [InlineData("Salaire : 45 000 € par an", 45000, 45000, "EUR", "year")]
    [InlineData("Salario: 30.000 € - 36.000 € brutos al año", 30000, 36000, "EUR", "year")]
    [InlineData("Salario: entre 28.000 y 34.000 EUR por año", 28000, 34000, "EUR", "year")]
    [InlineData("Internship pay: $7,500 per month", 7500, 7500, "USD", "month")]
    [InlineData("Praktikumsvergütung: 1.500 € pro Monat", 1500, 1500, "EUR", "month")]
    [InlineData("Salaire : 2 000 € brut par mois", 2000, 2000, "EUR", "month")]
    [InlineData("The target base salary for this position ranges from $216,000 year to $367,200/year in Zone 1.", 216000, 367200, "USD", "year")]
    [InlineData("Pay: $20 per hour to $25 per hour", 20, 25, "USD", "hour")]
    [InlineData("Salaire : 45 000 € par an à 55 000 € par an", 45000, 55000, "EUR", "year")]
    public void ReadsProRataPeriodsWrittenInOtherLanguagesOrOnBothEndsAndMonthlyInternPay(string text, double min, double max, string currency, string period) =>
        AssertSalary(SalaryParser.Parse(text), (decimal)min, (decimal)max, currency, period);

    [Fact]
    public void ABulletAfterTheFiguresEndsTheirClauseSoTheEquityListedAfterItIsNoVeto() =>
        AssertSalary(SalaryParser.Parse("Compensation: €60K – €80K • Offers Equity • Remote"), 60000, 80000, "EUR", "year");

    [Theory]
    [InlineData("We raised CHF 20'000'000 in seed funding.")]
    [InlineData("We raised EUR 60.000.000 in Series B funding in 2023.")]
    [InlineData("We offer a 401k match up to 6% and a $5k home office budget.")]
    [InlineData("Equity: 0.1% - 0.25%, plus $10k signing bonus")]
    [InlineData("The team of 12 engineers ships to 4 million users since 2019.")]
    [InlineData("Founded in 2015, we have 2 000 customers in 30 countries.")]
    [InlineData("Salary: 60-70k")]
    public void NumbersInTheseConventionsThatAreNotPayStayOut(string text) =>
        Assert.Null(SalaryParser.Parse(text));

    [Fact]
    public void AmountsDoNotDependOnTheCurrentCulture()
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            AssertSalary(SalaryParser.Parse("Salary: $120,000.50 - $150,000.75"), 120000.5m, 150000.75m, "USD", "year");
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void ASingleFigureIsBothTheMinimumAndTheMaximum() =>
        AssertSalary(SalaryParser.Parse("Compensation: $165,000 (base)"), 165000, 165000, "USD", "year");

    [Fact]
    public void ParseAllFindsEveryRangeInTextOrderAndParseTakesTheFirst()
    {
        const string text = "NYC range $210,000-$250,000; SF range $220,000-$260,000.";

        var all = SalaryParser.ParseAll(text);

        Assert.Equal([(210000m, 250000m, "year"), (220000m, 260000m, "year")], all.Select(Summary));
        Assert.Equal(all[0], SalaryParser.Parse(text));
    }

    [Fact]
    public void BasePayWinsOverOnTargetEarnings()
    {
        var all = SalaryParser.ParseAll("OTE $240K, base $120K–$150K.");

        AssertSalary(Assert.Single(all), 120000, 150000, "USD", "year");
    }

    [Theory]
    [InlineData(null, "USD")]
    [InlineData("US", "USD")]
    [InlineData("CA", "CAD")]
    [InlineData("AU", "AUD")]
    [InlineData("NZ", "NZD")]
    [InlineData("SG", "SGD")]
    [InlineData("GB", "USD")]
    public void TheCountryOnlyDecidesWhichDollarABareDollarSignIs(string? countryCode, string currency) =>
        Assert.Equal(currency, SalaryParser.Parse("Salary: $95,000 - $115,000", countryCode)?.Currency);

    [Fact]
    public void AWrittenCurrencyBeatsTheCountry() =>
        Assert.Equal("USD", SalaryParser.Parse("Salary: $120,000 - $140,000 USD", "CA")?.Currency);

    [Fact]
    public void ACountryNamedBeforeABareDollarSignDecidesWhichDollar() =>
        Assert.Equal("CAD", SalaryParser.Parse("The annual Canadian base salary range for this role is $160,000 - $240,000.", "US")?.Currency);

    [Fact]
    public void KronorNeedTheCountryToTellWhichKrona()
    {
        Assert.Null(SalaryParser.Parse("Lön: 45 000 kr per month"));
        Assert.Equal("SEK", SalaryParser.Parse("Lön: 45 000 kr per month", "SE")?.Currency);
    }

    [Theory]
    [InlineData("OTE: $200,000 - $240,000", "Base salary: $200,000 - $240,000")]
    [InlineData("Salary: $200,000 - $240,000", "Salary: $200,000 - $240,000 per year")]
    [InlineData("Salary: up to $240,000", "Salary: $240,000")]
    public void OnTargetPayInferredPeriodsAndOpenEndsAreReadButLessCertain(string weaker, string stronger)
    {
        var weak = SalaryParser.Parse(weaker);
        var strong = SalaryParser.Parse(stronger);

        Assert.Equal(Summary(strong), Summary(weak));
        Assert.True(weak!.Confidence < strong!.Confidence);
    }

    [Fact]
    public void ASentenceAnnouncingPayBelowLabelsTheListThatFollows()
    {
        const string text = "For US based candidates, the base pay ranges are listed below.\n"
            + "CA, NY Metro: $221,000—$245,000 USD\nWA: $212,000—$235,000 USD";

        Assert.Equal([(221000m, 245000m, "year"), (212000m, 235000m, "year")], SalaryParser.ParseAll(text).Select(Summary));
    }

    [Fact]
    public void WageSizedFiguresWithoutAPeriodAreHourly() =>
        Assert.Equal((28m, 32m, "hour"), Summary(SalaryParser.Parse("Pay Range\n$28 — $32 USD")));

    [Fact]
    public void AFullyStatedRangeIsCertainAndABareHourlyFigureIsNot()
    {
        Assert.Equal(1.0, SalaryParser.Parse("The base salary range for this role is $120,000–$150,000 USD per year.")!.Confidence);
        Assert.InRange(SalaryParser.Parse("$28.50/hr")!.Confidence, 0.5, 0.6);
    }

    [Theory]
    [InlineData("Salary: $8,000 - $10,000")]
    [InlineData("Salary: $150,000 per hour")]
    [InlineData("Salary: $20 per year")]
    [InlineData("The salary for this role is $30 million.")]
    public void FiguresOfAmbiguousOrImplausibleSizeForTheirPeriodAreLeftOut(string text) =>
        Assert.Null(SalaryParser.Parse(text));

    [Theory]
    [InlineData("We raised $150M in our Series C and have 500 customers.")]
    [InlineData("Our Series B at a $2.1B valuation was led by Sequoia.")]
    [InlineData("We lent over $1B to small businesses in 2024.")]
    [InlineData("Stripe processes over $1.9T in payments volume per year.")]
    [InlineData("We have 2,500 employees and $1.2B in annual revenue.")]
    [InlineData("Account Executives manage deals from $50,000 to $250,000 in annual contract value.")]
    [InlineData("Serving 2,000,000 users in 50 countries.")]
    [InlineData("Our 401(k) plan matches up to 4% and we offer $1,000 learning stipend.")]
    [InlineData("We match 401(k) contributions up to $6,000 per year.")]
    [InlineData("New hires are eligible for a $10,000 signing bonus.")]
    [InlineData("Salary is competitive, and we offer a $2,000 annual learning budget.")]
    [InlineData("Employees receive a $100 monthly wellness allowance and $12,000 per year for housing.")]
    [InlineData("Equity grant of $80,000 in RSUs vesting over four years.")]
    [InlineData("Hosts on Airbnb earn an average of $14,000 per year from their listings.")]
    [InlineData("Customers pay $2,000 per month for our enterprise plan.")]
    [InlineData("Summer 2027 internship, 12 weeks, 40 hours per week.")]
    [InlineData("Call +1 (415) 555-0132 between 9am and 5pm PT.")]
    [InlineData("Bonus: up to $30,000 per year based on performance.")]
    public void NeverReadsASalaryIntoOtherNumbers(string text) =>
        Assert.Empty(SalaryParser.ParseAll(text));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   \n ")]
    [InlineData("No salary text here, just a description of the role.")]
    public void TextWithoutPayHasNoSalary(string? text)
    {
        Assert.Null(SalaryParser.Parse(text));
        Assert.Empty(SalaryParser.ParseAll(text));
    }

    private static (decimal Min, decimal Max, string Period)? Summary(ParsedSalary? salary) =>
        salary is null ? null : (salary.Min, salary.Max, salary.Period);

    private static void AssertSalary(ParsedSalary? salary, decimal min, decimal max, string currency, string period)
    {
        Assert.NotNull(salary);
        Assert.Equal((min, max, currency, period), (salary.Min, salary.Max, salary.Currency, salary.Period));
    }
}
