using System.Text.RegularExpressions;

namespace Ingestor.Providers.Greenhouse;

/// <summary>A board's name in Greenhouse URLs. Anything that could step outside <c>/v1/boards/{token}</c> is refused up front.</summary>
public static partial class BoardToken
{
    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,99}$")]
    private static partial Regex Shape();

    public static bool TryNormalize(string? candidate, out string token)
    {
        token = (candidate ?? "").Trim().ToLowerInvariant();
        return Shape().IsMatch(token);
    }

    public static string Normalize(string? candidate) =>
        TryNormalize(candidate, out var token) ? token : throw new ArgumentException(Problem(candidate));

    public static string Problem(string? candidate) =>
        $"'{candidate}' is not a board token: use letters, digits, '-' and '_' only (e.g. 'stripe' from boards.greenhouse.io/stripe)";
}
