using Ingestor.Providers.Greenhouse;

namespace Ingestor.Cli;

/// <summary>
/// A list of boards to register, as <c>--add-boards</c> reads it: one board a line, a Greenhouse token (<c>stripe</c>) or
/// <c>provider:token</c> (<c>greenhouse:stripe</c>); <c>#</c> starts a comment, blank lines are skipped. A line that names no
/// board it can register is a problem with its number and text; the other lines still count.
/// </summary>
internal sealed record BoardList(IReadOnlyList<BoardList.Entry> Boards, IReadOnlyList<BoardList.Problem> Problems)
{
    public sealed record Entry(int Line, string Provider, string BoardToken);

    public sealed record Problem(int Line, string Text, string Reason);

    /// <summary>Lines that named a board, good or bad.</summary>
    public int Read => Boards.Count + Problems.Count;

    public static async Task<BoardList> ReadAsync(TextReader reader, CancellationToken cancellationToken)
    {
        var lines = new List<string>();
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
            lines.Add(line);
        return Parse(lines);
    }

    public static BoardList Parse(IEnumerable<string> lines)
    {
        var boards = new List<Entry>();
        var problems = new List<Problem>();
        var number = 0;
        foreach (var line in lines)
        {
            number++;
            var comment = line.IndexOf('#');
            var text = (comment < 0 ? line : line[..comment]).Trim();
            if (text.Length == 0)
                continue;

            // Providers other than Greenhouse will be written provider:token; today a prefix can only say greenhouse.
            var separator = text.IndexOf(':');
            var provider = separator < 0 ? GreenhouseProvider.ProviderName : text[..separator].Trim().ToLowerInvariant();
            var candidate = separator < 0 ? text : text[(separator + 1)..];
            if (provider != GreenhouseProvider.ProviderName)
                problems.Add(new Problem(number, line, $"unknown provider '{provider}': only {GreenhouseProvider.ProviderName} boards can be registered today"));
            else if (!BoardToken.TryNormalize(candidate, out var token))
                problems.Add(new Problem(number, line, $"'{candidate.Trim()}' is not a Greenhouse board token (letters, digits, '-' and '_' only)"));
            else
                boards.Add(new Entry(number, provider, token));
        }
        return new BoardList(boards, problems);
    }
}
