using Ingestor.Normalization.Locations;
using Ingestor.Normalization;

namespace Ingestor.Tests.Normalization;

public sealed class LocationParserTests
{
    [Fact]
    public void ABareWellKnownCityIsItsLikeliestPlaceAtThreeQuartersConfidence()
    {
        var parsed = Parse("San Francisco");

        Assert.Equal(new ParsedLocation("San Francisco", "San Francisco", "CA", "United States", "US", false, null, 0.75, []), parsed);
    }

    [Fact]
    public void FullFormsAreSurerThanBareNames()
    {
        Assert.Equal(0.9, Parse("San Francisco, CA").Confidence);
        Assert.Equal(0.95, Parse("Seattle, Washington, United States").Confidence);
        Assert.True(Parse("Paris, France").Confidence > Parse("Paris").Confidence);
    }

    [Fact]
    public void CambridgeMassachusettsIsNotCambridgeEngland()
    {
        Assert.Equal(("Cambridge", "MA", "US"), Place(Parse("Cambridge, MA")));
        Assert.Equal(("Cambridge", "ENG", "GB"), Place(Parse("Cambridge, UK")));
    }

    [Fact]
    public void PortlandOregonIsNotPortlandMaine()
    {
        Assert.Equal(("Portland", "OR", "US"), Place(Parse("Portland, OR")));
        Assert.Equal(("Portland", "ME", "US"), Place(Parse("Portland, Maine")));
    }

    [Fact]
    public void CaliforniaFollowsAUsCityAndCanadaACanadianOne()
    {
        Assert.Equal(("San Francisco", "CA", "US"), Place(Parse("San Francisco, CA")));
        Assert.Equal(("Toronto", "ON", "CA"), Place(Parse("Toronto, CA")));
        Assert.Equal(("Toronto", "ON", "CA"), Place(Parse("CA-Toronto")));
    }

    [Fact]
    public void WashingtonDcIsTheCityAndWashingtonAfterACityIsTheState()
    {
        Assert.Equal(("Washington", "DC", "US"), Place(Parse("Washington, DC")));
        Assert.Equal(("Washington", "DC", "US"), Place(Parse("Washington D.C.")));
        Assert.Equal(("Seattle", "WA", "US"), Place(Parse("Seattle, Washington")));
    }

    [Theory]
    [InlineData("NYC", "New York", "NY", "US")]
    [InlineData("New York City", "New York", "NY", "US")]
    [InlineData("SF Bay Area", "San Francisco", "CA", "US")]
    [InlineData("SF", "San Francisco", "CA", "US")]
    [InlineData("LA", "Los Angeles", "CA", "US")]
    [InlineData("Bangalore, India", "Bengaluru", "KA", "IN")]
    public void AbbreviationsAndOldNamesNameTheirCities(string raw, string city, string region, string country) =>
        Assert.Equal((city, region, country), Place(Parse(raw)));

    [Theory]
    [InlineData("Montréal", "Montréal", "QC", "CA")]
    [InlineData("Montreal, QC", "Montréal", "QC", "CA")]
    [InlineData("São Paulo", "São Paulo", "SP", "BR")]
    [InlineData("Sao Paulo, Brazil", "São Paulo", "SP", "BR")]
    [InlineData("Zurich, Switzerland", "Zürich", "ZH", "CH")]
    [InlineData("München, Bayern, Deutschland", "Munich", "BY", "DE")]
    [InlineData("Sydney, New South Wales", "Sydney", "NSW", "AU")]
    public void AccentsAndLocalNamesDoNotMatter(string raw, string city, string region, string country) =>
        Assert.Equal((city, region, country), Place(Parse(raw)));

    [Theory]
    [InlineData("Remote", null, null)]
    [InlineData("Remote - US", "US", null)]
    [InlineData("US-Remote", "US", null)]
    [InlineData("Remote (Canada)", "CA", null)]
    [InlineData("Remote, USA", "US", null)]
    [InlineData("Remote in the US", "US", null)]
    [InlineData("Remote - Ontario, Canada", "CA", "ON")]
    [InlineData("Remote - EMEA", null, null)]
    [InlineData("Anywhere", null, null)]
    public void RemoteVariantsAreRemoteWithTheirScope(string raw, string? country, string? region)
    {
        var parsed = Parse(raw);

        Assert.True(parsed.IsRemote);
        Assert.Equal("remote", parsed.WorkplaceType);
        Assert.Null(parsed.City);
        Assert.Equal((country, region), (parsed.CountryCode, parsed.Region));
    }

    [Theory]
    [InlineData("Hybrid - San Francisco, CA", "hybrid")]
    [InlineData("San Francisco, CA (Hybrid)", "hybrid")]
    [InlineData("San Francisco, CA - On-site", "onsite")]
    public void HybridAndOnSiteMarkersSetTheWorkplaceButNotThePlace(string raw, string workplace)
    {
        var parsed = Parse(raw);

        Assert.Equal(("San Francisco", "CA", "US"), Place(parsed));
        Assert.Equal(workplace, parsed.WorkplaceType);
        Assert.False(parsed.IsRemote);
    }

    [Fact]
    public void OnSiteAloneNamesNoPlace()
    {
        var parsed = Parse("On-site");

        Assert.Equal((null, null, null), Place(parsed));
        Assert.Equal("onsite", parsed.WorkplaceType);
    }

    [Fact]
    public void EveryPlaceOfAListIsAnAlternativeAndTheFirstCityIsThePostings()
    {
        var parsed = Parse("New York, NY; San Francisco, CA; Remote");

        Assert.Equal(("New York", "NY", "US"), Place(parsed));
        Assert.True(parsed.IsRemote);
        Assert.Equal("remote", parsed.WorkplaceType);
        Assert.Equal(
            new (string?, string?, string?)[] { ("New York", "NY", "US"), ("San Francisco", "CA", "US"), (null, null, null) },
            parsed.Alternatives.Select(Place));
        Assert.True(parsed.Alternatives[2].IsRemote);
        Assert.False(parsed.Alternatives[0].IsRemote);
    }

    [Theory]
    [InlineData("Chicago, IL or Remote", "Chicago", true)]
    [InlineData("Boston, MA; New York, NY", "Boston", false)]
    [InlineData("San Francisco, New York, Remote", "San Francisco", true)]
    [InlineData("London | Dublin", "London", false)]
    [InlineData("Berlin/Munich", "Berlin", false)]
    [InlineData("US-Remote, Atlanta, Chicago", "Atlanta", true)]
    public void ListsTakeTheFirstCityAndAreRemoteIfAnyPartIs(string raw, string city, bool remote)
    {
        var parsed = Parse(raw);

        Assert.Equal(city, parsed.City);
        Assert.Equal(remote, parsed.IsRemote);
        Assert.True(parsed.Alternatives.Count >= 2);
    }

    [Fact]
    public void CommasBetweenFullPlacesSeparateThemButQualifiersStay()
    {
        Assert.Equal(3, Parse("San Francisco, CA, New York City, NY, Seattle, WA").Alternatives.Count);
        Assert.Empty(Parse("Toronto, Ontario, Canada").Alternatives);
    }

    [Theory]
    [InlineData("TBD")]
    [InlineData("Multiple Locations")]
    [InlineData("N/A")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void JunkNamesNoPlaceWithLowConfidence(string? raw)
    {
        var parsed = Parse(raw);

        Assert.Equal((null, null, null, null), (parsed.City, parsed.Region, parsed.Country, parsed.CountryCode));
        Assert.False(parsed.IsRemote);
        Assert.Null(parsed.WorkplaceType);
        Assert.True(parsed.Confidence <= 0.2);
        Assert.Empty(parsed.Alternatives);
    }

    [Fact]
    public void SpacingDoesNotMatter()
    {
        Assert.Equal(Place(Parse("United States")), Place(Parse("United States ")));
        Assert.Equal(("San Francisco", "CA", "US"), Place(Parse("  San   Francisco ,CA ")));
    }

    [Fact]
    public void ACountryAloneHasNoCity()
    {
        var parsed = Parse("Canada");

        Assert.Equal((null, null, "CA"), Place(parsed));
        Assert.Equal("Canada", parsed.Country);
    }

    [Fact]
    public void ACityStateIsACity() => Assert.Equal(("Singapore", "SG"), (Parse("Singapore").City, Parse("Singapore").CountryCode));

    [Fact]
    public void OfficesSettleABareNameSharedByPlacesOfSimilarSize()
    {
        var alone = Parse("Cambridge");
        var withOffice = Parse("Cambridge", ["Cambridge, MA"]);

        Assert.True(alone.Confidence <= 0.6);
        Assert.Equal(("Cambridge", "MA", "US"), Place(withOffice));
        Assert.Equal(0.75, withOffice.Confidence);
    }

    [Fact]
    public void OfficesDoNotOverruleAClearlyLikelierPlace() =>
        Assert.Equal(("London", "ENG", "GB"), Place(Parse("London", ["Austin, TX"])));

    [Fact]
    public void ATownTheGazetteerLacksIsKeptWhenItsRegionVouchesForIt()
    {
        Assert.Equal(("Smallville", "KS", "US"), Place(Parse("Smallville, KS")));
        Assert.Equal(0.5, Parse("Smallville, KS").Confidence);
        Assert.Equal((null, null, null), Place(Parse("Smallville")));
    }

    [Theory]
    [InlineData("Germany (Remote)", "DE")]
    [InlineData("US (Remote)", "US")]
    [InlineData("India - Remote", "IN")]
    public void RemoteAfterAPlaceWithoutACityMakesThatPlaceRemote(string raw, string country)
    {
        var parsed = Parse(raw);

        Assert.Equal((null, null, country, true), (parsed.City, parsed.Region, parsed.CountryCode, parsed.IsRemote));
        Assert.Empty(parsed.Alternatives);
    }

    [Fact]
    public void TwoLetterStateCodesAreNotTheWordsTheySpell()
    {
        Assert.Equal(("Indianapolis", "IN", "US"), Place(Parse("Indianapolis, IN")));
        Assert.Equal(0.9, Parse("Bend, OR").Confidence);
    }

    [Fact]
    public void SaintAndItsAbbreviationNameTheSamePlace() =>
        Assert.Equal(Place(Parse("St. Louis, MO")), Place(Parse("Saint Louis, Missouri")));

    [Fact]
    public void ASmallTownNamedLikeACommonWordIsNotReadOutOfAnUnknownName() =>
        Assert.Equal(("Research Triangle Park", "NC", "US"), Place(Parse("Research Triangle Park, NC")));

    [Theory]
    [InlineData("Köln, Germany", "Cologne", "DE")]
    [InlineData("Cologne, Germany", "Cologne", "DE")]
    [InlineData("Genève", "Geneva", "CH")]
    [InlineData("Geneva, Switzerland", "Geneva", "CH")]
    [InlineData("Sevilla, España", "Seville", "ES")]
    [InlineData("Seville, Spain", "Seville", "ES")]
    [InlineData("Antwerpen, België", "Antwerp", "BE")]
    [InlineData("München, Bayern, Deutschland", "Munich", "DE")]
    [InlineData("Göteborg, Sweden", "Gothenburg", "SE")]
    [InlineData("Luzern, Switzerland", "Lucerne", "CH")]
    public void CitiesGeoNamesNamesInTheirOwnLanguageComeOutInEnglishAndAreReadInBoth(string raw, string city, string country) =>
        Assert.Equal((city, country), (Parse(raw).City, Parse(raw).CountryCode));

    [Theory]
    [InlineData("California; New York, NY", null, "CA", "US")]
    [InlineData("Texas | Austin, TX", null, "TX", "US")]
    [InlineData("Germany / Paris, France", null, null, "DE")]
    [InlineData("Ontario or Vancouver, BC", null, "ON", "CA")]
    [InlineData("Remote, US; Denver, CO", "Denver", "CO", "US")]
    public void InAListTheFirstPlaceOnSiteIsThePostingsAndAStateStaysAState(string raw, string? city, string? region, string country)
    {
        var parsed = Parse(raw);

        Assert.Equal((city, region, country), Place(parsed));
        Assert.Equal(2, parsed.Alternatives.Count);
    }

    [Theory]
    [InlineData("Pacific")]
    [InlineData("Remote - Pacific")]
    [InlineData("Midwest")]
    [InlineData("Northeast")]
    [InlineData("DACH")]
    public void AreaWordsAreNeverCities(string raw) =>
        Assert.Equal((null, null, null), Place(Parse(raw)));

    [Theory]
    [InlineData("US-West Coast (Remote)", "US", true)]
    [InlineData("Midwest, United States", "US", false)]
    [InlineData("EMEA - United Kingdom", "GB", false)]
    public void AnAreaBesideACountryIsThatCountry(string raw, string country, bool remote)
    {
        var parsed = Parse(raw);

        Assert.Equal((null, null, country, remote), (parsed.City, parsed.Region, parsed.CountryCode, parsed.IsRemote));
        Assert.Empty(parsed.Alternatives);
    }

    private static ParsedLocation Parse(string? raw, IReadOnlyList<string>? offices = null) =>
        SharedGazetteer.Parser.Parse(raw, offices);

    private static (string? City, string? Region, string? CountryCode) Place(ParsedLocation parsed) =>
        (parsed.City, parsed.Region, parsed.CountryCode);
}
