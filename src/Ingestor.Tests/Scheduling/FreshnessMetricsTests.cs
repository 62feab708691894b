using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Ingestor.Scheduling;
using Ingestor.Tests.Infrastructure;

namespace Ingestor.Tests.Scheduling;

public sealed class FreshnessMetricsTests(TestServers servers)
{
    [Fact]
    public async Task TheAgeOfEnabledBoardsLastSuccessIsPublishedByQuantileWithTheirCountsByState()
    {
        var measurements = new ConcurrentBag<(string Instrument, double Value, string Tag)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "Ingestor" && instrument.Name is "board.success.age" or "boards")
                l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => measurements.Add((instrument.Name, value, (string)tags[0].Value!)));
        listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => measurements.Add((instrument.Name, value, (string)tags[0].Value!)));
        listener.Start();

        await using var ingestor = await TestIngestor.StartAsync(servers, clock: TimeProvider.System);
        foreach (var token in new[] { "a", "b", "c", "never", "off" })
            await ingestor.RegisterAsync(token);
        await ingestor.ScalarAsync<int>(
            """
            update boards set last_success_at = now() - make_interval(secs => case board_token
                when 'a' then 100 when 'b' then 200 when 'c' then 300 else 10000 end)
            where board_token <> 'never';
            update boards set state = 'empty' where board_token = 'b';
            update boards set state = 'gone', consecutive_failures = 5 where board_token = 'c';
            update boards set state = 'blocked', consecutive_failures = 2 where board_token = 'never';
            update boards set state = 'failing', consecutive_failures = 2, enabled = false where board_token = 'off';
            """);

        await ingestor.Get<FreshnessMonitor>().RefreshAsync(TestContext.Current.CancellationToken);
        listener.RecordObservableInstruments();

        // Ages of the enabled boards: about 0 (never succeeded, registered just now), 100, 200 and 300 seconds.
        var ages = measurements.Where(m => m.Instrument == "board.success.age").ToDictionary(m => m.Tag, m => m.Value);
        Assert.Equal(["0.5", "0.9", "0.99", "1"], ages.Keys.Order());
        Assert.InRange(ages["0.5"], 100, 160);
        Assert.InRange(ages["0.9"], 300, 360);
        Assert.InRange(ages["0.99"], 300, 360);
        Assert.InRange(ages["1"], 300, 360);
        var boards = measurements.Where(m => m.Instrument == "boards").ToDictionary(m => m.Tag, m => m.Value);
        Assert.Equal(4, boards["enabled"]);
        Assert.Equal(1, boards["never_succeeded"]);
        // Every state, even one no enabled board is in; a disabled board counts in none.
        Assert.Equal((1, 1, 0, 1, 1), (boards["ok"], boards["empty"], boards["failing"], boards["blocked"], boards["gone"]));
    }
}
