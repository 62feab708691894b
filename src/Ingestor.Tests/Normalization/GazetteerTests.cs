using System.Diagnostics;
using Ingestor.Normalization.Locations;
using Ingestor.Normalization;

namespace Ingestor.Tests.Normalization;

public sealed class GazetteerTests(ITestOutputHelper output)
{
    private static Gazetteer Gazetteer => SharedGazetteer.Instance;

    [Fact]
    public void LoadsEveryCityFromTheEmbeddedData()
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var clock = Stopwatch.StartNew();
        var gazetteer = Gazetteer.Load();
        clock.Stop();
        var retained = GC.GetTotalMemory(forceFullCollection: true) - before;
        GC.KeepAlive(gazetteer);

        output.WriteLine($"load {clock.ElapsedMilliseconds} ms, {retained / 1024 / 1024} MiB retained, {gazetteer.CityCount} cities");
        // How long it takes is the normalization benchmark's to say (~0.2-0.35 s on an idle machine), not a test's.
        Assert.True(gazetteer.CityCount > 40_000);
    }

    [Theory]
    [InlineData("Zürich")]
    [InlineData("zurich")]
    [InlineData("ZUERICH")]
    public void CitiesAreFoundWhateverTheAccentsAndCase(string name) =>
        Assert.Equal(("Zürich", "CH", "ZH"), Top(name));

    [Fact]
    public void TheMostPopulousCityOfANameComesFirst()
    {
        Assert.Equal(("Portland", "US", "OR"), Top("Portland"));
        Assert.Equal(("London", "GB", "ENG"), Top("London"));
    }

    [Theory]
    [InlineData("Munich", "München")]
    [InlineData("Bengaluru", "Bangalore")]
    [InlineData("New York", "NYC")]
    [InlineData("São Paulo", "Sao Paulo")]
    public void AlternateNamesFromGeoNamesFindTheCity(string city, string alternate)
    {
        var found = Gazetteer.CitiesNamed(alternate).Select(m => m.City).Concat(Gazetteer.CitiesAbbreviated(alternate));
        Assert.Equal(city, found.First().Name);
    }

    [Theory]
    [InlineData("United States", "US")]
    [InlineData("USA", "US")]
    [InlineData("US", "US")]
    [InlineData("U.S.", "US")]
    [InlineData("UK", "GB")]
    [InlineData("United Kingdom", "GB")]
    [InlineData("Deutschland", "DE")]
    [InlineData("Brasil", "BR")]
    [InlineData("CAN", "CA")]
    [InlineData("Schweiz", "CH")]
    public void CountriesAreFoundByNameCodeOrAlias(string text, string? code) =>
        Assert.Equal(code, Gazetteer.Country(text)?.Code);

    [Theory]
    [InlineData("US", "CA", "CA")]
    [InlineData("US", "California", "CA")]
    [InlineData("CA", "Ontario", "ON")]
    [InlineData("DE", "Bavaria", "BY")]
    [InlineData("DE", "Bayern", "BY")]
    [InlineData("IN", "Karnataka", "KA")]
    [InlineData("AU", "New South Wales", "NSW")]
    [InlineData("BR", "SP", "SP")]
    public void SubdivisionsAreFoundByCodeOrNameWithinTheirCountry(string country, string text, string code) =>
        Assert.Equal(code, Gazetteer.Subdivision(country, text)?.Code);

    [Fact]
    public void RegionsSpanningCountriesAreAreasNotPlaces()
    {
        Assert.True(Gazetteer.IsArea("EMEA"));
        Assert.True(Gazetteer.IsArea("North America"));
        Assert.False(Gazetteer.IsArea("Canada"));
    }

    [Theory]
    [InlineData("US", "United States")]
    [InlineData("GB", "United Kingdom")]
    [InlineData("DE", "Germany")]
    public void CountryNamesAreEnglish(string code, string name) => Assert.Equal(name, Gazetteer.CountryName(code));

    private static (string, string, string?) Top(string name)
    {
        var city = Gazetteer.CitiesNamed(name)[0].City;
        return (city.Name, city.CountryCode, city.Region);
    }
}
