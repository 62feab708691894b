namespace Ingestor.Tests.Infrastructure;

/// <summary>A clock that moves one step forward every time it is read: polls get distinct, predictable times.</summary>
public sealed class SteppingClock(DateTimeOffset start, TimeSpan step) : TimeProvider
{
    private long _reads = -1;

    public static readonly DateTimeOffset RecordDay = new(2026, 6, 6, 18, 41, 4, 423, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => start + step * Interlocked.Increment(ref _reads);
}
