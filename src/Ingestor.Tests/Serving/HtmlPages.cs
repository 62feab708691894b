using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Ingestor.Tests.Serving;

/// <summary>A page of the read API fetched and parsed as a browser would parse it, and the ways tests read its tables.</summary>
internal static class HtmlPages
{
    private static readonly HtmlParser Parser = new();

    public sealed record Page(HttpResponseMessage Response, string Html, IDocument Document) : IDisposable
    {
        public IElement Section(string id) => Document.GetElementById(id) ?? throw new Xunit.Sdk.XunitException($"the page has no section #{id}");

        public void Dispose() => Response.Dispose();
    }

    public static async Task<Page> GetAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path, TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return new Page(response, html, await Parser.ParseDocumentAsync(html, TestContext.Current.CancellationToken));
    }

    /// <summary>A two-column table as label → value text.</summary>
    public static Dictionary<string, string> Fields(IElement table) =>
        table.QuerySelectorAll("tbody tr").ToDictionary(row => Text(row.QuerySelector("th")!), row => Text(row.QuerySelector("td")!));

    /// <summary>A two-column table's links as label → href.</summary>
    public static Dictionary<string, string?> Links(IElement table) =>
        table.QuerySelectorAll("tbody tr").ToDictionary(row => Text(row.QuerySelector("th")!), row => row.QuerySelector("td a")?.GetAttribute("href"));

    public static string Text(IElement element) => element.TextContent.Trim();
}
