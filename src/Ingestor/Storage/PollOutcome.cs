namespace Ingestor.Storage;

public static class PollOutcome
{
    public const string Succeeded = "succeeded";
    /// <summary>Applied, but nothing was closed from it: the snapshot was incomplete or the closes were held.</summary>
    public const string Partial = "partial";
    public const string Failed = "failed";
    /// <summary>A newer snapshot of the board was applied first; this one changed nothing.</summary>
    public const string Superseded = "superseded";
}
