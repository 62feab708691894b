using System.Net;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Ingestor.Normalization;

/// <summary>
/// Greenhouse sends <c>content</c> as HTML escaped once more ("&amp;lt;p&amp;gt;", "&amp;amp;nbsp;"): unescaping once gives the
/// HTML, which a real parser then turns into clean HTML and plain text.
/// </summary>
public static class HtmlText
{
    private static readonly HtmlParser Parser = new();

    // Elements whose content is never description text, and which we do not pass on to readers of description_html.
    private static readonly string[] Unsafe = ["script", "style", "iframe", "object", "embed", "noscript", "template"];

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "section",
        "article", "header", "footer", "blockquote", "pre", "hr", "dl", "dt", "dd",
    };

    public sealed record Description(string Html, string Text);

    public static Description? FromEscapedContent(string? escapedContent)
    {
        if (string.IsNullOrWhiteSpace(escapedContent))
            return null;

        var document = Parser.ParseDocument($"<body>{WebUtility.HtmlDecode(escapedContent)}</body>");
        var body = document.Body!;
        foreach (var element in body.QuerySelectorAll(string.Join(',', Unsafe)).ToList())
            element.Remove();
        foreach (var element in body.QuerySelectorAll("*"))
            RemoveActiveAttributes(element);

        return new Description(body.InnerHtml.Trim(), TextOf(body));
    }

    private static void RemoveActiveAttributes(IElement element)
    {
        foreach (var attribute in element.Attributes.ToList())
        {
            var isHandler = attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase);
            var isScriptUrl = attribute.Value.TrimStart().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase);
            if (isHandler || isScriptUrl)
                element.RemoveAttribute(attribute.Name);
        }
    }

    /// <summary>Block elements become line breaks, list items get a dash, runs of spaces fold to one.</summary>
    private static string TextOf(INode root)
    {
        var text = new StringBuilder();
        Append(root, text);
        var lines = text.ToString()
            .Split('\n')
            .Select(line => string.Join(' ', line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)))
            .Where(line => line.Length > 0);
        return string.Join('\n', lines);
    }

    private static void Append(INode node, StringBuilder text)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText leaf:
                    text.Append(leaf.Data.Replace('\u00A0', ' '));
                    break;
                case IElement element when Blocks.Contains(element.LocalName):
                    text.Append('\n');
                    if (element.LocalName == "li")
                        text.Append("- ");
                    Append(element, text);
                    text.Append('\n');
                    break;
                case IElement element:
                    Append(element, text);
                    break;
            }
        }
    }
}
