using System.Text.Json;

namespace Ingestor.Tests.Normalization;

/// <summary>Every distinct <c>location.name</c> (with its job's offices) of the recorded real boards in shared/fixtures.</summary>
public sealed class RecordedLocationTests
{
    [Fact]
    public void EveryRecordedLocationParsesAndListsOnlyPlacesItNames()
    {
        foreach (var line in SharedGazetteer.EvalLines("locations.recorded.jsonl"))
        {
            using var json = JsonDocument.Parse(line);
            var raw = json.RootElement.GetProperty("input").GetString()!;
            var offices = json.RootElement.GetProperty("offices").EnumerateArray().Select(o => o.GetString()!).ToList();

            var parsed = SharedGazetteer.Parser.Parse(raw, offices);

            Assert.InRange(parsed.Confidence, 0, 1);
            Assert.All(parsed.Alternatives, alternative => Assert.Empty(alternative.Alternatives));
            Assert.True(parsed.Alternatives.Count != 1, raw);
        }
    }

    [Theory]
    [InlineData("Zürich, CH", "Zürich", "CH")]
    [InlineData("Dublin, IE", "Dublin", "IE")]
    [InlineData("Ontario, CAN", null, "CA")]
    [InlineData("Seoul, Korea", "Seoul", "KR")]
    [InlineData("Taipei,Taiwan", "Taipei", "TW")]
    [InlineData("India, Bangalore ", "Bengaluru", "IN")]
    [InlineData("MX- Mexico City", "Mexico City", "MX")]
    [InlineData("Dubai , UAE", "Dubai", "AE")]
    [InlineData("US-NYC or US-SF ", "New York", "US")]
    [InlineData("Remote - The Netherlands", null, "NL")]
    [InlineData("South San Francisco HQ", "South San Francisco", "US")]
    [InlineData("CDMX", "Mexico City", "MX")]
    public void RealStringsFromRecordedBoardsGiveTheRightPlace(string raw, string? city, string country)
    {
        var parsed = SharedGazetteer.Parser.Parse(raw);

        Assert.Equal((city, country), (parsed.City, parsed.CountryCode));
    }

    [Fact]
    public void RecordedStripeCodesNameUsCities()
    {
        var parsed = SharedGazetteer.Parser.Parse("SEA, SF, NYC, CHI");

        Assert.Equal(["Seattle", "San Francisco", "New York", "Chicago"], parsed.Alternatives.Select(a => a.City));
        Assert.All(parsed.Alternatives, a => Assert.Equal("US", a.CountryCode));
    }

    [Fact]
    public void RecordedRemoteFriendlyBoardsAreRemoteWithTheirCities()
    {
        var parsed = SharedGazetteer.Parser.Parse("Remote-Friendly (Travel-Required) | San Francisco, CA | Seattle, WA");

        Assert.Equal(("San Francisco", "CA", true), (parsed.City, parsed.Region, parsed.IsRemote));
        Assert.Equal(3, parsed.Alternatives.Count);
    }
}
