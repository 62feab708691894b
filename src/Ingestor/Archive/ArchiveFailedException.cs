namespace Ingestor.Archive;

/// <summary>
/// What a poll needed kept in the archive (its payload, or its record) could not be kept: the poll changes nothing, and the
/// fault is ours, not the board's.
/// </summary>
public sealed class ArchiveFailedException(string what, Exception inner)
    : Exception($"archiving {what} failed, so nothing was recorded from it: {inner.Message}", inner);
