using System.Globalization;
using System.Text.Json;
using Ingestor.Normalization;
using Ingestor.Normalization.Locations;
using Ingestor.Providers;

namespace Ingestor.Tests.Normalization;

public sealed class LocationBoardContextTests
{
    private static readonly PostingNormalizer Normalizer = new(
        SharedGazetteer.Parser, new LaunchScope(new LaunchScopeOptions { Languages = ["en"], Countries = ["US"] }));

    [Fact]
    public void GeorgiaIsTheStateOnABoardHiringInTheUsAndTheCountryElsewhere()
    {
        Assert.Equal(("GA", "US"), Place(SharedGazetteer.Parser.Parse("Georgia", board: new BoardPlaces("US"))));
        Assert.Equal(((string?)null, "GE"), Place(SharedGazetteer.Parser.Parse("Georgia", board: new BoardPlaces("DE"))));
        Assert.Equal(((string?)null, "GE"), Place(SharedGazetteer.Parser.Parse("Georgia")));
    }

    [Fact]
    public void ABoardsHomeIsTheCountryOfAtLeastHalfOfItsPostingsThatNameOne()
    {
        var board = BoardPlaces.Of(Parse("Austin, TX", "Remote - US", "London, UK", "Seattle, WA", "EMEA"));

        Assert.Equal("US", board.HomeCountry);
    }

    [Theory]
    [InlineData("Austin, TX", "London, UK")]
    [InlineData("Austin, TX", "London, UK", "Berlin, Germany", "Paris, France")]
    public void ABoardWithFewOrScatteredPostingsHasNoHome(params string[] locations) =>
        Assert.Null(BoardPlaces.Of(Parse(locations)).HomeCountry);

    [Fact]
    public void TheNormalizerReadsTheBoardsHomeFromItsJobsLocations()
    {
        var jobs = new[] { "Atlanta, GA", "Savannah, GA", "Austin, TX", "Georgia" }.Select(Job).ToList();

        var board = Normalizer.BoardPlacesOf(jobs);
        var posting = Normalizer.Normalize("greenhouse", "board", jobs[^1], board);

        Assert.Equal(("GA", "US"), (posting.Region, posting.CountryCode));
    }

    private static SourceJob Job(string location, int index) => new()
    {
        Key = index.ToString(CultureInfo.InvariantCulture),
        Title = "Engineer",
        LocationText = location,
        DescriptionHtml = () => null,
        Source = JsonSerializer.SerializeToElement(new { id = index, location }),
        Content = [],
    };

    private static IEnumerable<ParsedLocation> Parse(params string[] locations) =>
        locations.Select(location => SharedGazetteer.Parser.Parse(location));

    private static (string? Region, string? CountryCode) Place(ParsedLocation parsed) => (parsed.Region, parsed.CountryCode);
}
