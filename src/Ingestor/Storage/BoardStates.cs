namespace Ingestor.Storage;

/// <summary>The states of <c>boards.state</c>: what an operator can act on, set by every statement that ends a poll.</summary>
public static class BoardStates
{
    /// <summary>The last poll succeeded and listed postings.</summary>
    public const string Ok = "ok";

    /// <summary>The last poll succeeded and listed none: a board between openings, or a name some provider answers for anything.</summary>
    public const string Empty = "empty";

    /// <summary>Failed polls in a row (an HTTP error, a timeout, a broken payload, the archive or database down).</summary>
    public const string Failing = "failing";

    /// <summary>The provider refuses us: 403, or 429 through every retry.</summary>
    public const string Blocked = "blocked";

    /// <summary>404 over several polls spread across hours: the board's postings are closed until it comes back.</summary>
    public const string Gone = "gone";

    /// <summary>In the order an operator reads them, healthy first.</summary>
    public static readonly IReadOnlyList<string> All = [Ok, Empty, Failing, Blocked, Gone];
}
