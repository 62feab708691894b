using System.Globalization;
using Ingestor.Storage;

namespace Ingestor.Cli;

/// <summary>
/// The <c>--boards</c> table: aligned columns, one board a line (its state with the HTTP status that put it there, and when it
/// is next polled, backing off or not), then what the boards add up to.
/// </summary>
internal static class BoardHealthReport
{
    private static readonly string[] Headers =
        ["PROVIDER", "TOKEN", "ENABLED", "STATE", "LAST OUTCOME", "FAILURES", "LAST SUCCESS (UTC)", "ACTIVE", "NEXT POLL (UTC)"];

    private static readonly bool[] Numeric = [false, false, false, false, false, true, false, true, false];

    private const string NeverPolled = "never polled";

    public static void Write(IReadOnlyList<BoardHealth> boards, DateTimeOffset now, TextWriter output)
    {
        if (boards.Count == 0)
        {
            output.WriteLine("no boards registered: add some with --add-boards FILE");
            return;
        }

        List<string[]> rows = [Headers, .. boards.Select(board => Cells(board, now.UtcDateTime))];
        var widths = Headers.Select((_, column) => rows.Max(row => row[column].Length)).ToArray();
        foreach (var row in rows)
            output.WriteLine(string.Join("  ", row.Select((cell, column) => Numeric[column] ? cell.PadLeft(widths[column]) : cell.PadRight(widths[column]))).TrimEnd());
        output.WriteLine(Summary(boards));
    }

    private static string[] Cells(BoardHealth board, DateTime now) =>
    [
        board.Provider,
        board.BoardToken,
        board.Enabled ? "yes" : "no",
        board.LastFailureStatus is { } status && IsBackingOff(board) ? $"{board.State} (HTTP {status})" : board.State,
        board.LastOutcome ?? NeverPolled,
        board.ConsecutiveFailures.ToString(CultureInfo.InvariantCulture),
        board.LastSuccessAt is { } success ? Time(success) : "never",
        board.ActivePostings.ToString(CultureInfo.InvariantCulture),
        board.Enabled ? $"{Time(board.NextPollAt)} ({Relative(board.NextPollAt - now)}{(IsBackingOff(board) ? ", backing off" : "")})" : "-",
    ];

    private static bool IsBackingOff(BoardHealth board) => board.State is BoardStates.Failing or BoardStates.Blocked or BoardStates.Gone;

    private static string Summary(IReadOnlyList<BoardHealth> boards)
    {
        var outcomes = boards
            .GroupBy(b => b.LastOutcome ?? NeverPolled)
            .OrderBy(g => Array.IndexOf(OutcomeOrder, g.Key) is var i and >= 0 ? i : OutcomeOrder.Length)
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Count()} {g.Key}");
        var enabled = boards.Where(b => b.Enabled).ToList();
        var states = BoardStates.All
            .Select(state => (State: state, Boards: enabled.Count(b => b.State == state)))
            .Where(s => s.Boards > 0)
            .Select(s => $"{s.Boards} {s.State}")
            .ToList();
        var byState = states.Count == 0 ? "" : $" ({string.Join(", ", states)})";
        return $"{boards.Count} boards, {enabled.Count} enabled{byState} | last outcome: {string.Join(", ", outcomes)}";
    }

    private static readonly string[] OutcomeOrder = [PollOutcome.Succeeded, PollOutcome.Partial, PollOutcome.Superseded, PollOutcome.Failed, NeverPolled];

    private static string Time(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private static string Relative(TimeSpan untilDue) =>
        untilDue >= TimeSpan.Zero ? $"in {Span(untilDue)}" : $"due {Span(-untilDue)} ago";

    private static string Span(TimeSpan span) => span switch
    {
        { TotalMinutes: < 1 } => $"{span.Seconds}s",
        { TotalHours: < 1 } => $"{span.Minutes}m {span.Seconds}s",
        { TotalDays: < 1 } => $"{(int)span.TotalHours}h {span.Minutes}m",
        _ => $"{(int)span.TotalDays}d {span.Hours}h",
    };
}
