namespace Ingestor.Replay;

/// <summary>An archived object a replay cannot use (missing, corrupt, or not named as the archive names objects): the replay stops at it.</summary>
public sealed class UnreadableArchiveObjectException(string key, string reason, Exception? inner = null)
    : Exception($"archived object {key} {reason}", inner)
{
    public string Key { get; } = key;
}
