using System.Buffers;

namespace Ingestor.Normalization;

/// <summary>The characters <see cref="char.IsWhiteSpace(char)"/> accepts, to search text for them a vector at a time.</summary>
internal static class WhiteSpace
{
    /// <summary>Every one but the plain space and the line break, which well-kept text is made of.</summary>
    public static readonly SearchValues<char> OtherThanSpaceOrLineBreak = Where(c => char.IsWhiteSpace(c) && c is not ' ' and not '\n');

    /// <summary>Every one but the plain space.</summary>
    public static readonly SearchValues<char> OtherThanSpace = Where(c => char.IsWhiteSpace(c) && c is not ' ');

    private static SearchValues<char> Where(Func<char, bool> accepts) =>
        SearchValues.Create([.. Enumerable.Range(char.MinValue, char.MaxValue + 1).Select(c => (char)c).Where(accepts)]);
}
