using System.Net;
using System.Text;
using System.Text.Json;

namespace Ingestor.Providers.Lever;

/// <summary>
/// The description as the hosted posting shows it, built once from Lever's HTML parts: <c>description</c> (which already
/// holds <c>opening</c> and <c>descriptionBody</c>), each of <c>lists</c> as a heading over its items (sent as bare
/// <c>&lt;li&gt;</c> fragments), the pay text, then <c>additional</c>. The plain mirrors repeat the same text and are not read.
/// </summary>
internal static class LeverDescription
{
    /// <summary>Every property that holds part of the description, in HTML or plain: none of them goes to <c>native</c>.</summary>
    public static readonly IReadOnlyList<string> Properties =
    [
        "opening", "openingPlain", "description", "descriptionPlain", "descriptionBody", "descriptionBodyPlain",
        "lists", "additional", "additionalPlain", "salaryDescription", "salaryDescriptionPlain",
    ];

    public static string? HtmlOf(JsonElement posting)
    {
        var html = new StringBuilder();
        if (posting.String("description") is { } description)
            Append(html, description);
        else
        {
            Append(html, posting.String("opening"));
            Append(html, posting.String("descriptionBody"));
        }
        foreach (var list in posting.Items("lists"))
        {
            if (list.String("text")?.Trim() is { Length: > 0 } heading)
                html.Append("<h3>").Append(WebUtility.HtmlEncode(heading)).Append("</h3>");
            if (list.String("content") is { } items && !string.IsNullOrWhiteSpace(items))
                html.Append("<ul>").Append(items.Trim()).Append("</ul>");
        }
        Append(html, posting.String("salaryDescription"));
        Append(html, posting.String("additional"));
        return html.Length == 0 ? null : html.ToString();
    }

    private static void Append(StringBuilder html, string? part)
    {
        if (!string.IsNullOrWhiteSpace(part))
            html.Append(part.Trim());
    }
}
