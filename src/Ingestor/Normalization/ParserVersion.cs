namespace Ingestor.Normalization;

/// <summary>Which normalization code derived a posting's parsed fields: <c>parsed.parser_version</c>.</summary>
public static class ParserVersion
{
    /// <summary>
    /// Bump whenever a parser's output can change for some posting (places, pay, employment or workplace type, titles,
    /// launch scope, departments, the data files they read, or the shape of <c>parsed</c>): <c>--renormalize</c> re-derives
    /// every stored posting whose version differs, and only those.
    /// </summary>
    /// <remarks>2: the repost fingerprint, which rows written before it lack.</remarks>
    public const int Current = 2;
}
