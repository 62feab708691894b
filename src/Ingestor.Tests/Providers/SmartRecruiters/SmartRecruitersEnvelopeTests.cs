using System.Net;
using System.Text;
using System.Text.Json;
using Ingestor.Providers.SmartRecruiters;
using static Ingestor.Tests.Providers.SmartRecruiters.AcmeSyntheticBoard;

namespace Ingestor.Tests.Providers.SmartRecruiters;

public sealed class SmartRecruitersEnvelopeTests
{
    private static JsonElement Root(byte[] envelope) => JsonDocument.Parse(envelope).RootElement;

    private static byte[] Trimmed(byte[] body) => body.AsSpan().TrimEnd("\n\r\t "u8).ToArray();

    [Fact]
    public void EveryResponseIsFoundAgainByteForByteInTheEnvelope()
    {
        var envelope = Envelope();

        foreach (var offset in Offsets)
            Assert.True(envelope.AsSpan().IndexOf(Page(offset)) >= 0, $"page at offset {offset}");
        foreach (var id in Ids)
            Assert.True(envelope.AsSpan().IndexOf(Detail(id)) >= 0, $"detail {id}");
        // A value's raw text ends with its last token; the white space the server sent after it stays in the envelope.
        var root = Root(envelope);
        Assert.Equal(Trimmed(Page(10)), Encoding.UTF8.GetBytes(root.GetProperty("pages")[1].GetProperty("body").GetRawText()));
        Assert.Equal(Trimmed(Detail(Ids[7])), Encoding.UTF8.GetBytes(root.GetProperty("details").GetProperty(Ids[7]).GetRawText()));
        Assert.Equal(("smartrecruiters", "AcmeSynthetic"), (root.GetProperty("provider").GetString(), root.GetProperty("company").GetString()));
    }

    [Fact]
    public void TheSameResponsesInAnotherOrderGiveTheSameBytes()
    {
        var reordered = SmartRecruitersEnvelope.Build(Company, AllPages.Reverse(), AllDetails.OrderBy(d => d.Id.GetHashCode()));
        Assert.Equal(Envelope(), reordered);
    }

    [Fact]
    public void FailedRequestsAreRecordedWithTheirStatusAndNoBody()
    {
        var envelope = SmartRecruitersEnvelope.Build(
            Company,
            [Fetched(0), Fetched(10), new ListPageFetch(20, HttpStatusCode.ServiceUnavailable, "<html>busy</html>"u8.ToArray())],
            [FetchedDetail(Ids[0]), new DetailFetch(Ids[1], null, [])]);

        var root = Root(envelope);
        Assert.Equal(2, root.GetProperty("pages").GetArrayLength());
        Assert.Equal("""[{"offset":20,"status":503,"problem":"HTTP 503"}]""", root.GetProperty("failed_pages").GetRawText());
        Assert.Equal($$"""[{"id":"{{Ids[1]}}","status":null,"problem":"no response"}]""", root.GetProperty("failed_details").GetRawText());
        Assert.Equal([Ids[0]], root.GetProperty("details").EnumerateObject().Select(d => d.Name));
        Assert.True(envelope.AsSpan().IndexOf("busy"u8) < 0);
    }

    [Theory]
    [InlineData("<html>Service Unavailable</html>")]
    [InlineData("""{"offset":0,"content":[""")]
    [InlineData("""{"a":1} {"b":2}""")]
    [InlineData("")]
    public void ASuccessfulResponseThatIsNotJsonIsRecordedAsFailed(string body)
    {
        var envelope = SmartRecruitersEnvelope.Build(Company, [new ListPageFetch(0, HttpStatusCode.OK, Encoding.UTF8.GetBytes(body))], []);

        var root = Root(envelope);
        Assert.Equal(0, root.GetProperty("pages").GetArrayLength());
        Assert.Equal("""[{"offset":0,"status":200,"problem":"the body is not JSON"}]""", root.GetProperty("failed_pages").GetRawText());
    }

    [Fact]
    public void BytesThatAreNotUtf8AndNestingTooDeepForTheEnvelopeAreRecordedAsFailed()
    {
        byte[] notUtf8 = [.. "{\"name\":\""u8, 0xFF, .. "\"}"u8];
        var deep = Encoding.UTF8.GetBytes(new string('[', 62) + new string(']', 62));
        var fitting = Encoding.UTF8.GetBytes(new string('[', 61) + new string(']', 61));

        var envelope = SmartRecruitersEnvelope.Build(
            Company, [], [new DetailFetch("1", HttpStatusCode.OK, notUtf8), new DetailFetch("2", HttpStatusCode.OK, deep), new DetailFetch("3", HttpStatusCode.OK, fitting)]);

        var root = Root(envelope);
        Assert.Equal(["1", "2"], root.GetProperty("failed_details").EnumerateArray().Select(d => d.GetProperty("id").GetString()));
        Assert.Equal(["3"], root.GetProperty("details").EnumerateObject().Select(d => d.Name));
    }

    [Fact]
    public void AByteOrderMarkIsDroppedAndTheRestKept()
    {
        byte[] withMark = [0xEF, 0xBB, 0xBF, .. Page(0)];

        var envelope = SmartRecruitersEnvelope.Build(Company, [new ListPageFetch(0, HttpStatusCode.OK, withMark)], []);

        Assert.Equal(Trimmed(Page(0)), Encoding.UTF8.GetBytes(Root(envelope).GetProperty("pages")[0].GetProperty("body").GetRawText()));
        Assert.True(envelope.AsSpan().IndexOf(Page(0)) >= 0);
    }

    [Fact]
    public void ADetailAskedForTwiceIsKeptOnceAndASuccessOutweighsAFailure()
    {
        var envelope = SmartRecruitersEnvelope.Build(
            Company, [], [new DetailFetch(Ids[0], HttpStatusCode.BadGateway, []), FetchedDetail(Ids[0]), FetchedDetail(Ids[0])]);

        var root = Root(envelope);
        Assert.Single(root.GetProperty("details").EnumerateObject());
        Assert.Equal(0, root.GetProperty("failed_details").GetArrayLength());
    }
}
