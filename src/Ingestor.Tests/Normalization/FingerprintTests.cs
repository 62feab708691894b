using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Ingestor.Normalization.Fingerprints;
using Ingestor.Providers;
using Ingestor.Tests.Infrastructure;
using Ingestor.Normalization;

namespace Ingestor.Tests.Normalization;

public sealed class FingerprintTests
{
    private static SourceJob Job(string json) => Assert.Single(GreenhouseJobs.Read(Encoding.UTF8.GetBytes($$"""{"jobs":[{{json}}]}""")));

    private const string Fal = """{"id":1,"title":"Engineer","location":{"name":"San Francisco"},"updated_at":"2026-05-21T15:54:05-04:00","content":"&lt;p&gt;Build&lt;/p&gt;","metadata":[]}""";

    [Fact]
    public void KeyOrderWhitespaceAndEscapingDoNotChangeTheSourceHash()
    {
        var compact = Job(Fal).Source;
        var reordered = Job("""
            { "metadata": [], "content": "&lt;p&gt;Build&lt;/p&gt;",
              "updated_at": "2026-05-21T15:54:05-04:00", "location": { "name": "San \u0046rancisco" }, "title": "Engineer", "id": 1 }
            """).Source;

        Assert.Equal(CanonicalJson.Sha256Hex(compact), CanonicalJson.Sha256Hex(reordered));
    }

    [Fact]
    public void AChangedValueChangesTheSourceHash() =>
        Assert.NotEqual(CanonicalJson.Sha256Hex(Job(Fal).Source), CanonicalJson.Sha256Hex(Job(Fal.Replace("Engineer", "Engineer II")).Source));

    [Fact]
    public void TheContentHashIgnoresVolatileFieldsAndNamesWhatChanged()
    {
        var before = ContentFingerprint.Of(Job(Fal).Content, "Build");
        var touched = ContentFingerprint.Of(Job(Fal.Replace("2026-05-21T15:54:05", "2026-06-01T00:00:00")).Content, "Build");
        var retitled = ContentFingerprint.Of(Job(Fal.Replace("\"Engineer\"", "\"Staff Engineer\"")).Content, "Build");

        Assert.Equal(before.ContentHash, touched.ContentHash);
        Assert.Equal(before.FieldHashes, touched.FieldHashes);
        Assert.NotEqual(before.ContentHash, retitled.ContentHash);
        Assert.Equal(["title"], before.FieldHashes.Keys.Where(k => before.FieldHashes[k] != retitled.FieldHashes[k]));
    }

    [Fact]
    public void AStringIsSpelledAsItsTextWrittenAfreshWhateverEscapesItWasSentWith()
    {
        var sent = Enumerable.Range(0, 128).Select(c => $"\\u{c:x4}")
            .Concat(Enumerable.Range(32, 95).Where(c => c is not '"' and not '\\').Select(c => ((char)c).ToString()))
            .Concat([@"\""", @"\\", @"\/", @"\b", @"\f", @"\n", @"\r", @"\t", "\u007f", "é", @"\u00e9", "\u2028", @"\u2028", "😀", @"\ud83d\ude00", "\u00a0"])
            // Characters beyond ASCII as a serializer that escapes them all sends them, alone and together, in either case of hex.
            .Concat([@"\u0080", @"\u00A0", @"\u00ff", @"\u0100", @"\u07ff", @"\u0800", @"\u2019", @"\u200b", @"\u2029", @"\ufeff", @"\ufffd",
                @"\uFFFF", @"\uD83D\uDE00", @"\ud800\udc00", @"\udbff\udfff", @"caf\u00e9 \u2014 \u201cna\u00efve\u201d \u003cb\u003e \ud83d\ude00!",
                @"\u00e9é\u0026\u2019’"]);
        using var document = JsonDocument.Parse($"[{string.Join(',', sent.Select(s => $"\"x{s}y\""))}]");
        var expected = new MemoryStream();
        using (var writer = new Utf8JsonWriter(expected, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartArray();
            foreach (var item in document.RootElement.EnumerateArray())
                writer.WriteStringValue(item.GetString());
            writer.WriteEndArray();
        }

        Assert.Equal(Encoding.UTF8.GetString(expected.ToArray()), Encoding.UTF8.GetString(CanonicalJson.Serialize(document.RootElement)));
    }

    [Fact]
    public void NamesSortInTheOrdinalOrderOfTheirTextWhetherSentPlainOrEscaped()
    {
        using var ascii = JsonDocument.Parse("""{"b":1,"_":2,"B":3,"ab":5,"b":6}""");
        using var asciiEscaped = JsonDocument.Parse("""{"\u0062":1,"_":2,"B":3,"a\u0062":5,"b":6}""");
        using var accented = JsonDocument.Parse("""{"b":1,"é":4,"_":2,"B":3,"ab":5}""");
        using var accentedEscaped = JsonDocument.Parse("""{"b":1,"\u00e9":4,"_":2,"B":3,"ab":5}""");

        Assert.Equal("""{"B":3,"_":2,"ab":5,"b":1,"b":6}""", Encoding.UTF8.GetString(CanonicalJson.Serialize(ascii.RootElement)));
        Assert.Equal(CanonicalJson.Serialize(ascii.RootElement), CanonicalJson.Serialize(asciiEscaped.RootElement));
        Assert.Equal("""{"B":3,"_":2,"ab":5,"b":1,"é":4}""", Encoding.UTF8.GetString(CanonicalJson.Serialize(accented.RootElement)));
        Assert.Equal(CanonicalJson.Serialize(accented.RootElement), CanonicalJson.Serialize(accentedEscaped.RootElement));
    }

    [Fact]
    public void AListingIsTheSameInAnyOrderAndDiffersWithAnyPostingOrSourceHash()
    {
        var listing = ListingFingerprint.Of([("a", "1"), ("b", "2")]);

        Assert.Equal(listing, ListingFingerprint.Of([("b", "2"), ("a", "1")]));
        Assert.NotEqual(listing, ListingFingerprint.Of([("a", "1"), ("b", "3")]));
        Assert.NotEqual(listing, ListingFingerprint.Of([("a", "2"), ("b", "1")]));
        Assert.NotEqual(listing, ListingFingerprint.Of([("a", "1")]));
        Assert.NotEqual(listing, ListingFingerprint.Of([("a", "1"), ("b", "2"), ("c", "3")]));
    }

    [Fact]
    public void CanonicalJsonSortsKeysAndDropsWhitespace()
    {
        using var document = JsonDocument.Parse("""{ "b": [2, 1], "a": { "d": "é", "c": null } }""");
        Assert.Equal("""{"a":{"c":null,"d":"é"},"b":[2,1]}""", Encoding.UTF8.GetString(CanonicalJson.Serialize(document.RootElement)));
    }
}
