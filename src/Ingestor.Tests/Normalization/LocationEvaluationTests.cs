using Ingestor.Normalization.Evaluation;

namespace Ingestor.Tests.Normalization;

public sealed class LocationEvaluationTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("locations.jsonl")]
    [InlineData("locations.extra.jsonl")]
    [InlineData("locations.providers.jsonl")]
    public void EveryFieldIsRightInAtLeast98PercentOfTheLabeledSet(string file)
    {
        var report = LocationEvaluation.Run(SharedGazetteer.EvalLines(file), SharedGazetteer.Parser);
        var written = new StringWriter();
        report.WriteTo(written);
        output.WriteLine(written.ToString());

        Assert.True(report.Cases >= 40);
        Assert.All(report.Fields, field => Assert.True(field.Accuracy >= 0.98, $"{field.Field}: {field.Accuracy:0.000}\n{written}"));
    }

    [Fact]
    public void RegionIsScoredOnlyWhereTheLabelNamesOne()
    {
        var report = LocationEvaluation.Run(
            [
                """{"input": "London", "expect": {"city": "London", "region": null, "country_code": "GB", "is_remote": false, "workplace_type": null}}""",
                """{"input": "Austin, TX", "expect": {"city": "Austin", "region": "TX", "country_code": "US", "is_remote": false, "workplace_type": null}}""",
            ],
            SharedGazetteer.Parser);

        Assert.Equal(1, report.Field("region").Total);
        Assert.Equal(2, report.CasesRight);
    }

    [Fact]
    public void AMissShowsTheInputWhatWasExpectedAndWhatCame()
    {
        var report = LocationEvaluation.Run(
            ["""{"input": "Munich", "expect": {"city": "München", "region": "BY", "country_code": "DE", "is_remote": false, "workplace_type": null}}"""],
            SharedGazetteer.Parser);

        var miss = Assert.Single(report.Misses);
        Assert.Equal(new Miss("Munich", "city=München", "city=Munich"), miss);
        Assert.Equal(0, report.CasesRight);
        Assert.Equal(4, report.Fields.Count(f => f.Correct == f.Total));
    }

    [Fact]
    public void NamesAreComparedAfterUnicodeNormalization()
    {
        var decomposed = "Sa\u0303o Paulo";
        var report = LocationEvaluation.Run(
            [$$$"""{"input": "São Paulo, Brazil", "expect": {"city": "{{{decomposed}}}", "region": "SP", "country_code": "BR", "is_remote": false, "workplace_type": null}}"""],
            SharedGazetteer.Parser);

        Assert.Equal(1, report.CasesRight);
    }
}
