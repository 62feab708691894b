using System.Text;
using AngleSharp.Html;
using AngleSharp.Html.Parser;
using AngleSharp.Html.Parser.Tokens.Struct;
using AngleSharp.Text;

namespace Ingestor.Normalization.Descriptions;

/// <summary>
/// Reads a description straight from AngleSharp's tokens when its markup is of the plain kind nearly every posting has:
/// known elements, properly nested, so that the tree the HTML parser would build is the tokens as they come, and nothing is
/// closed, moved or reopened for them. Building that tree and serializing it again is most of the cost of a description.
/// At the first token the parser would treat in any other way, it gives up (returns null) and the tree is built.
/// </summary>
/// <remarks>
/// What it writes is what AngleSharp's <see cref="HtmlMarkupFormatter"/> writes for such a tree, sanitized as
/// <see cref="HtmlText"/> sanitizes it, and the same plain text. Elements, and the tree construction rules that make them
/// plain (WHATWG HTML, "in body" insertion mode):
/// <list type="bullet">
/// <item>blocks close an open paragraph (a p in button scope) when they start: with one open, give up;</item>
/// <item>a heading starting inside a heading closes it, a list item or definition inside another closes it: give up;</item>
/// <item>formatting elements are reopened after a misnested end tag: end tags must close the current element, and a
/// formatting element never nests in one of its own name (which the parser also treats apart);</item>
/// <item>void elements are never open; a self-closing tag of any other element is not closed: give up.</item>
/// </list>
/// </remarks>
internal static class PlainMarkup
{
    private enum Kind { Block, ListItem, Definition, Heading, Formatting, Phrase, Void }

    private static readonly Dictionary<string, Kind> Elements = new()
    {
        ["p"] = Kind.Block, ["div"] = Kind.Block, ["ul"] = Kind.Block, ["ol"] = Kind.Block, ["dl"] = Kind.Block,
        ["blockquote"] = Kind.Block, ["section"] = Kind.Block, ["article"] = Kind.Block, ["header"] = Kind.Block,
        ["footer"] = Kind.Block, ["aside"] = Kind.Block, ["nav"] = Kind.Block, ["main"] = Kind.Block, ["address"] = Kind.Block,
        ["center"] = Kind.Block,
        ["li"] = Kind.ListItem, ["dd"] = Kind.Definition, ["dt"] = Kind.Definition,
        ["h1"] = Kind.Heading, ["h2"] = Kind.Heading, ["h3"] = Kind.Heading, ["h4"] = Kind.Heading, ["h5"] = Kind.Heading, ["h6"] = Kind.Heading,
        ["a"] = Kind.Formatting, ["b"] = Kind.Formatting, ["strong"] = Kind.Formatting, ["i"] = Kind.Formatting, ["em"] = Kind.Formatting,
        ["u"] = Kind.Formatting, ["s"] = Kind.Formatting, ["small"] = Kind.Formatting, ["code"] = Kind.Formatting,
        ["span"] = Kind.Phrase, ["sub"] = Kind.Phrase, ["sup"] = Kind.Phrase, ["abbr"] = Kind.Phrase, ["cite"] = Kind.Phrase,
        ["mark"] = Kind.Phrase, ["q"] = Kind.Phrase, ["time"] = Kind.Phrase,
        ["br"] = Kind.Void, ["hr"] = Kind.Void, ["img"] = Kind.Void, ["wbr"] = Kind.Void,
    };

    private static readonly Dictionary<string, Kind>.AlternateLookup<ReadOnlySpan<char>> ElementsByName =
        Elements.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The description of HTML parsed as the body of a document, or null when its markup is not plain.</summary>
    /// <exception cref="FormatException">The markup nests deeper than <see cref="HtmlText.MaxDepth"/>.</exception>
    /// <param name="source">The HTML as the fragment parser reads it, with the closing body tag after it.</param>
    public static HtmlText.Description? TryRead(string source)
    {
        // Read straight from the string, and without tracking lines and columns, which nothing here reports.
        var tokenizer = new HtmlTokenizer(new TextSource(new StringTextSource(source)), HtmlEntityProvider.Resolver)
        {
            DisableElementPositionTracking = true,
        };
        var open = new List<(string Name, Kind Kind)>();
        var html = new StringBuilder(source.Length);
        var text = new FoldedText();
        while (true)
        {
            ref var token = ref tokenizer.GetStructToken();
            switch (token.Type)
            {
                case HtmlTokenType.Character:
                    ReadOnlySpan<char> characters = token.Data;
                    if (characters.Contains('\0'))
                        return null;
                    AppendEscaped(html, characters, "&\u00A0<>");
                    text.Append(characters);
                    break;
                case HtmlTokenType.StartTag:
                    if (!ElementsByName.TryGetValue(token.Name, out var name, out var kind) || !OpensPlainly(name, kind, token.IsSelfClosing, open))
                        return null;
                    AppendStartTag(html, name, ref token);
                    if (HtmlText.IsBlock(name))
                        text.BreakLine();
                    if (name == "li")
                        text.Append("- ");
                    if (kind != Kind.Void && open.Count == HtmlText.MaxDepth)
                        throw HtmlText.TooDeep();
                    if (kind != Kind.Void)
                        open.Add((name, kind));
                    break;
                case HtmlTokenType.EndTag when token.Name == "body":
                    // The closing tag HtmlText puts after the description (one within it is read as a document), which a
                    // fragment parser ignores.
                    break;
                case HtmlTokenType.EndTag:
                    if (open.Count == 0 || token.Name != open[^1].Name)
                        return null;
                    Close(open, html, text);
                    break;
                case HtmlTokenType.EndOfFile:
                    while (open.Count > 0)
                        Close(open, html, text);
                    return new HtmlText.Description(html.ToString().Trim(), text.ToString());
                default:
                    // Comments and doctypes are rare, and left to the parser.
                    return null;
            }
        }
    }

    private static bool OpensPlainly(string name, Kind kind, bool selfClosing, List<(string Name, Kind Kind)> open)
    {
        if (selfClosing && kind != Kind.Void)
            return false;
        var paragraphOpen = open.Exists(element => element.Name == "p");
        return kind switch
        {
            Kind.Block => !paragraphOpen,
            Kind.Heading => !paragraphOpen && (open.Count == 0 || open[^1].Kind != Kind.Heading),
            Kind.ListItem or Kind.Definition => !paragraphOpen && !ClosesAnOpenItem(kind, open),
            Kind.Formatting => !open.Exists(element => element.Name == name),
            Kind.Void => name != "hr" || !paragraphOpen,
            _ => true,
        };
    }

    // A list item closes the nearest open one, a definition term or description the nearest open dd or dt, unless a block
    // (other than a div, address or p) stands between: the parser's "li" and "dd, dt" steps.
    private static bool ClosesAnOpenItem(Kind kind, List<(string Name, Kind Kind)> open)
    {
        for (var index = open.Count - 1; index >= 0; index--)
        {
            var element = open[index];
            if (element.Kind == kind)
                return true;
            if (element.Kind is Kind.Block or Kind.ListItem or Kind.Definition or Kind.Heading && element.Name is not ("div" or "address" or "p"))
                return false;
        }
        return false;
    }

    private static void Close(List<(string Name, Kind Kind)> open, StringBuilder html, FoldedText text)
    {
        var name = open[^1].Name;
        open.RemoveAt(open.Count - 1);
        html.Append("</").Append(name).Append('>');
        if (HtmlText.IsBlock(name))
            text.BreakLine();
    }

    /// <summary>The start tag as the formatter writes it, without the attributes <see cref="HtmlText"/> removes.</summary>
    private static void AppendStartTag(StringBuilder html, string name, ref StructHtmlToken token)
    {
        html.Append('<').Append(name);
        for (var index = 0; index < token.Attributes.Count; index++)
        {
            var attribute = token.Attributes[index];
            var attributeName = attribute.Name.ToString();
            var value = attribute.Value.ToString();
            if (HtmlText.IsActive(attributeName, value))
                continue;
            html.Append(' ').Append(attributeName).Append("=\"");
            AppendEscaped(html, value, "&\u00A0\"<>");
            html.Append('"');
        }
        html.Append('>');
    }

    private static void AppendEscaped(StringBuilder html, ReadOnlySpan<char> characters, string escaped)
    {
        while (!characters.IsEmpty)
        {
            var next = characters.IndexOfAny(escaped);
            if (next < 0)
            {
                html.Append(characters);
                return;
            }
            html.Append(characters[..next]).Append(characters[next] switch
            {
                '&' => "&amp;",
                '\u00A0' => "&nbsp;",
                '<' => "&lt;",
                '>' => "&gt;",
                _ => "&quot;",
            });
            characters = characters[(next + 1)..];
        }
    }
}
