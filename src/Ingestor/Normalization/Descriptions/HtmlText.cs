using System.Globalization;
using System.Net;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html;
using AngleSharp.Html.Parser;
using AngleSharp.Html.Parser.Tokens.Struct;
using AngleSharp.Text;

namespace Ingestor.Normalization.Descriptions;

/// <summary>
/// Greenhouse sends <c>content</c> as HTML escaped once more ("&amp;lt;p&amp;gt;", "&amp;amp;nbsp;"): unescaping once gives the
/// HTML, which a real parser then turns into clean HTML and plain text.
/// </summary>
public static class HtmlText
{
    private static readonly HtmlParser Parser = new();

    // What a description is parsed into: the body of a document, as the description always was.
    private static readonly IElement Body = Parser.ParseDocument("").Body!;

    // Elements whose content is never description text, and which we do not pass on to readers of description_html.
    private static readonly HashSet<string> Unsafe = ["script", "style", "iframe", "object", "embed", "noscript", "template"];

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "section",
        "article", "header", "footer", "blockquote", "pre", "hr", "dl", "dt", "dd",
    };

    /// <summary>
    /// Bounds no real description comes near: past them markup is built to hurt. The parser's work grows with the square of
    /// the nesting depth (100,000 nested elements take minutes), and browsers stop nesting at 512 too. A description beyond
    /// them is not read, and its job is left out of the poll with the reason.
    /// </summary>
    internal const int MaxDepth = 512;

    internal const int MaxLength = 1_000_000;

    // Elements that never hold others open for long: void ones, and those the next of their kind (or their parent's end) closes.
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Unnested = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
        "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot", "rb", "rp", "rt", "rtc",
    }.GetAlternateLookup<ReadOnlySpan<char>>();

    public sealed record Description(string Html, string Text);

    public static Description? FromEscapedContent(string? escapedContent)
    {
        if (string.IsNullOrWhiteSpace(escapedContent))
            return null;

        return FromHtml(WebUtility.HtmlDecode(escapedContent));
    }

    /// <summary>
    /// HTML read as the body of a document, the cheapest way that gives the same result: plain markup straight from its
    /// tokens, the rest as a fragment in a body, and what a fragment could read differently as a whole document.
    /// </summary>
    /// <exception cref="FormatException">The HTML is longer or nests deeper than any description (<see cref="MaxLength"/>, <see cref="MaxDepth"/>).</exception>
    public static Description FromHtml(string html)
    {
        if (html.Length > MaxLength)
            throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"its description is {html.Length:N0} characters long (at most {MaxLength:N0} are read)"));
        if (ReadsDifferentlyAsFragment(html))
            return FromDocument(WithinDepth(html));
        // The closing tag stays after the HTML, since unclosed markup (a comment, an attribute, plaintext) takes it in.
        var fragment = $"{html}</body>";
        return PlainMarkup.TryRead(fragment) ?? FromTree(Parser.ParseFragment(WithinDepth(fragment), Body));
    }

    internal static FormatException TooDeep() => new(string.Create(CultureInfo.InvariantCulture, $"its description nests elements more than {MaxDepth:N0} deep"));

    /// <summary>
    /// The HTML, once its tokens show it nests no deeper than <see cref="MaxDepth"/>: start tags open elements, and an end
    /// tag closes the nearest open one of its name and those above it, as the parser's tree would; an end tag nothing
    /// matches is ignored, as the parser ignores it. HTML with fewer tags than that is not read for it.
    /// </summary>
    private static string WithinDepth(string html)
    {
        if (html.AsSpan().Count('<') <= MaxDepth)
            return html;
        var tokenizer = new HtmlTokenizer(new TextSource(new StringTextSource(html)), HtmlEntityProvider.Resolver)
        {
            DisableElementPositionTracking = true,
        };
        var open = new List<string>();
        while (true)
        {
            ref var token = ref tokenizer.GetStructToken();
            switch (token.Type)
            {
                case HtmlTokenType.StartTag when !Unnested.Contains(token.Name):
                    if (open.Count == MaxDepth)
                        throw TooDeep();
                    open.Add(token.Name.ToString());
                    break;
                case HtmlTokenType.EndTag:
                    var name = token.Name.ToString();
                    var index = open.FindLastIndex(element => element.Equals(name, StringComparison.OrdinalIgnoreCase));
                    if (index >= 0)
                        open.RemoveRange(index, open.Count - index);
                    break;
                case HtmlTokenType.EndOfFile:
                    return html;
            }
        }
    }

    /// <summary>HTML parsed as the body of a whole document, as every description once was.</summary>
    internal static Description FromDocument(string html) => FromTree(Parser.ParseDocument($"<body>{html}</body>").Body!.ChildNodes);

    internal static bool IsBlock(string elementName) => Blocks.Contains(elementName);

    internal static bool IsActive(string attributeName, string value) =>
        attributeName.StartsWith("on", StringComparison.OrdinalIgnoreCase)
        || value.TrimStart().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase);

    private static Description FromTree(INodeList nodes)
    {
        Sanitize(nodes);
        var text = new FoldedText();
        AppendText(nodes, text);
        return new Description(nodes.ToHtml(HtmlMarkupFormatter.Instance).Trim(), text.ToString());
    }

    /// <summary>
    /// Whether the HTML, parsed as a fragment in the context of a body, could build another tree than as the body of a
    /// document. A fragment is parsed at a fraction of the cost of a whole document, and builds the same tree except where the
    /// document's end or mode shows: a table (a document without a doctype keeps a table inside an open paragraph, a fragment
    /// closes the paragraph), SVG and MathML (a fragment reads HTML inside them differently) and an explicit end of the body
    /// or the document.
    /// </summary>
    private static bool ReadsDifferentlyAsFragment(string html) =>
        html.Contains("<table", StringComparison.OrdinalIgnoreCase)
        || html.Contains("<svg", StringComparison.OrdinalIgnoreCase)
        || html.Contains("<math", StringComparison.OrdinalIgnoreCase)
        || html.Contains("</body", StringComparison.OrdinalIgnoreCase)
        || html.Contains("</html", StringComparison.OrdinalIgnoreCase);

    /// <summary>Removes unsafe elements with what they hold, and event handlers and script URLs from every other element.</summary>
    private static void Sanitize(INodeList nodes)
    {
        for (var index = 0; index < nodes.Length;)
        {
            if (nodes[index] is IElement element)
            {
                if (Unsafe.Contains(element.LocalName))
                {
                    element.Remove();
                    continue;
                }
                RemoveActiveAttributes(element);
                Sanitize(element.ChildNodes);
            }
            index++;
        }
    }

    private static void RemoveActiveAttributes(IElement element)
    {
        foreach (var attribute in element.Attributes.ToList())
            if (IsActive(attribute.Name, attribute.Value))
                element.RemoveAttribute(attribute.Name);
    }

    /// <summary>Block elements become line breaks, list items get a dash.</summary>
    private static void AppendText(INodeList nodes, FoldedText text)
    {
        foreach (var node in nodes)
        {
            switch (node)
            {
                case IText leaf:
                    text.Append(leaf.Data);
                    break;
                case IElement element when Blocks.Contains(element.LocalName):
                    text.BreakLine();
                    if (element.LocalName == "li")
                        text.Append("- ");
                    AppendText(element.ChildNodes, text);
                    text.BreakLine();
                    break;
                case IElement element:
                    AppendText(element.ChildNodes, text);
                    break;
            }
        }
    }
}
