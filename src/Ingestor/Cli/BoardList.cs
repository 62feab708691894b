using Ingestor.Providers;

namespace Ingestor.Cli;

/// <summary>
/// A list of boards to register, as <c>--add-boards</c> reads it: one board a line, <c>provider:token</c>
/// (<c>ashby:lambda</c>) or a bare Greenhouse token (<c>stripe</c>); <c>#</c> starts a comment, blank lines are skipped. A line
/// that names no board it can register is a problem with its number and text; the other lines still count.
/// </summary>
internal sealed record BoardList(IReadOnlyList<BoardList.Entry> Boards, IReadOnlyList<BoardList.Problem> Problems)
{
    public sealed record Entry(int Line, BoardName Board);

    public sealed record Problem(int Line, string Text, string Reason);

    /// <summary>Lines that named a board, good or bad.</summary>
    public int Read => Boards.Count + Problems.Count;

    public static async Task<BoardList> ReadAsync(TextReader reader, ProviderCatalog providers, CancellationToken cancellationToken)
    {
        var lines = new List<string>();
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
            lines.Add(line);
        return Parse(lines, providers);
    }

    public static BoardList Parse(IEnumerable<string> lines, ProviderCatalog providers)
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

            if (providers.TryParse(text, out var board, out var problem))
                boards.Add(new Entry(number, board));
            else
                problems.Add(new Problem(number, line, problem));
        }
        return new BoardList(boards, problems);
    }
}
