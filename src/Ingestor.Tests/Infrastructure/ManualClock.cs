namespace Ingestor.Tests.Infrastructure;

/// <summary>A clock that stands still until the test moves it: a poll's times are all the same instant, chosen by the test.</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; private set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;

    public void Advance(TimeSpan by) => Now += by;
}
