using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Ingestor.Providers.SmartRecruiters;
using Ingestor.Tests.Infrastructure;

namespace Ingestor.Tests.Providers.SmartRecruiters;

/// <summary>The synthetic sample board, <c>samples/smartrecruiters/v1/companies/AcmeSynthetic</c>, as a poll would fetch it.</summary>
internal static class AcmeSyntheticBoard
{
    public const string Company = "AcmeSynthetic";

    public static readonly int[] Offsets = [0, 10, 20];

    public static string Folder(string company = Company) => RepositoryPaths.Samples("smartrecruiters", "v1", "companies", company);

    public static byte[] Page(int offset, string company = Company) =>
        File.ReadAllBytes(Path.Combine(Folder(company), $"postings.offset-{offset}.json"));

    public static byte[] Detail(string id) => File.ReadAllBytes(Path.Combine(Folder(), "postings", $"{id}.json"));

    /// <summary>Every posting's id, in the order the pages list them.</summary>
    public static IReadOnlyList<string> Ids { get; } =
        [.. Offsets.SelectMany(offset => JsonNode.Parse(Page(offset))!["content"]!.AsArray().Select(job => (string)job!["id"]!))];

    public static ListPageFetch Fetched(int offset) => new(offset, HttpStatusCode.OK, Page(offset));

    public static DetailFetch FetchedDetail(string id) => new(id, HttpStatusCode.OK, Detail(id));

    public static IEnumerable<ListPageFetch> AllPages => Offsets.Select(Fetched);

    public static IEnumerable<DetailFetch> AllDetails => Ids.Select(FetchedDetail);

    /// <summary>The whole board: every page, every detail.</summary>
    public static byte[] Envelope() => SmartRecruitersEnvelope.Build(Company, AllPages, AllDetails);

    /// <summary>A page as the board would send it after <paramref name="edit"/>.</summary>
    public static ListPageFetch EditedPage(int offset, Action<JsonObject> edit)
    {
        var page = JsonNode.Parse(Page(offset))!.AsObject();
        edit(page);
        return new ListPageFetch(offset, HttpStatusCode.OK, Encoding.UTF8.GetBytes(page.ToJsonString()));
    }

    public static JsonNode Job(int offset, int index) => JsonNode.Parse(Page(offset))!["content"]![index]!.DeepClone();
}
