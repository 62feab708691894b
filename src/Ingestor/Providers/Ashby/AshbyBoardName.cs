namespace Ingestor.Providers.Ashby;

/// <summary>
/// An Ashby job board's name, the last segment of <c>jobs.ashbyhq.com/{name}</c>, kept as Ashby spells it: it may hold
/// capitals and spaces (<c>Hippocratic AI</c>); written URL-encoded (<c>Hippocratic%20AI</c>) it is the same board.
/// </summary>
internal static class AshbyBoardName
{
    public static bool TryNormalize(string candidate, out string name, out string problem)
    {
        name = Uri.UnescapeDataString(candidate.Trim()).Trim();
        problem = name.Length is 0 or > 100 || name.Any(c => c is '/' or '?' or '#' or '\\' || char.IsControl(c))
            ? $"'{candidate.Trim()}' is not an Ashby job board name (the name in jobs.ashbyhq.com/NAME, e.g. 'lambda')"
            : "";
        return problem.Length == 0;
    }
}
