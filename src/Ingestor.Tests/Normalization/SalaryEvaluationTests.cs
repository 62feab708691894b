using Ingestor.Normalization.Evaluation;

namespace Ingestor.Tests.Normalization;

public sealed class SalaryEvaluationTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("salaries.jsonl")]
    [InlineData("salaries.extra.jsonl")]
    [InlineData("salaries.recorded.jsonl")]
    public void TheLabeledSetsAreAtLeast98PercentRightInEveryFieldWithNoInventedSalaries(string file)
    {
        var report = SalaryEvaluation.Run(File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Normalization", "Eval", file)));

        var written = new StringWriter();
        report.WriteTo(written);
        output.WriteLine(written.ToString());
        Assert.True(report.Accuracy >= 0.98, $"accuracy {report.Accuracy:0.000}");
        Assert.All(report.Fields, field => Assert.True(field.Accuracy >= 0.98, $"{field.Field}: {field.Accuracy:0.000}"));
        Assert.Equal(0, SalaryEvaluation.InventedSalaries(report));
    }

    [Fact]
    public void TheExtraSetHoldsAtLeastTwelveTextsWithoutPay()
    {
        var report = SalaryEvaluation.Run(File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Normalization", "Eval", "salaries.extra.jsonl")));

        Assert.True(report.Field(SalaryEvaluation.NoPayKeptNullField).Total >= 12);
    }

    /// <summary>The recorded set holds money and numbers that are not pay (funding, volumes, 401(k), team sizes) from every provider's boards.</summary>
    [Fact]
    public void TheRecordedSetHoldsAtLeast25TextsWithoutPay()
    {
        var report = SalaryEvaluation.Run(File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Normalization", "Eval", "salaries.recorded.jsonl")));

        Assert.True(report.Field(SalaryEvaluation.NoPayKeptNullField).Total >= 25);
    }

    [Fact]
    public void ASalaryReadFromATextLabeledWithoutPayCountsAsInventedAndAsAMiss()
    {
        string[] lines =
        [
            """{"input": "Salary: $120K - $150K", "expect": null}""",
            """{"input": "No pay here.", "expect": null}""",
        ];

        var report = SalaryEvaluation.Run(lines);

        Assert.Equal(1, SalaryEvaluation.InventedSalaries(report));
        Assert.Equal(2, report.Field(SalaryEvaluation.NoPayKeptNullField).Total);
        Assert.Equal(1, report.CasesRight);
        var miss = Assert.Single(report.Misses);
        Assert.Equal(("Salary: $120K - $150K", "null"), (miss.Input, miss.Expected));
        Assert.Equal("""{"min": 120000, "max": 150000, "currency": "USD", "period": "year"}""", miss.Got);
    }

    [Fact]
    public void EachFieldIsScoredOnItsOwnAndACaseOnlyWhenAllFourAreRight()
    {
        string[] lines =
        [
            """{"input": "Salary: $120K - $150K", "expect": {"min": 120000, "max": 150000, "currency": "CAD", "period": "year"}}""",
            """{"input": "Pay: $28.50/hr", "expect": {"min": 28.5, "max": 28.5, "currency": "USD", "period": "hour"}}""",
        ];

        var report = SalaryEvaluation.Run(lines);

        Assert.Equal((2, 1, 2), (report.Field("min").Correct, report.Field("currency").Correct, report.Field("period").Correct));
        Assert.Equal((2, 1), (report.Cases, report.CasesRight));
        Assert.Equal(0, report.Field(SalaryEvaluation.NoPayKeptNullField).Total);
    }
}
