using Ingestor.Polling;
using Microsoft.Extensions.Options;

namespace Ingestor.Tests.Polling;

public sealed class ChangedPayloadBudgetTests
{
    private static ChangedPayloadBudget Budget(int megabytes) => new(Options.Create(new PollingOptions { MaxChangedMegabytesInFlight = megabytes }));

    [Fact]
    public async Task PayloadsShareTheBudgetByTheirSizeAndALargerOneWaitsForRoom()
    {
        using var budget = Budget(16);
        var token = TestContext.Current.CancellationToken;
        using var first = await budget.EnterAsync(10 << 20, token);
        using var small = await budget.EnterAsync(3 << 20, token);

        var second = budget.EnterAsync(10 << 20, token);
        await Task.Delay(100, token);
        Assert.False(second.IsCompleted);

        first.Dispose();
        using var entered = await second.WaitAsync(TimeSpan.FromSeconds(10), token);
        Assert.True(entered.IsAcquired);
    }

    [Fact]
    public async Task APayloadLargerThanTheWholeBudgetGoesAloneRatherThanNever()
    {
        using var budget = Budget(4);
        var token = TestContext.Current.CancellationToken;

        using var huge = await budget.EnterAsync(100L << 20, token);
        var next = budget.EnterAsync(1, token);
        await Task.Delay(100, token);
        Assert.True(huge.IsAcquired);
        Assert.False(next.IsCompleted);

        huge.Dispose();
        using var entered = await next.WaitAsync(TimeSpan.FromSeconds(10), token);
        Assert.True(entered.IsAcquired);
    }
}
