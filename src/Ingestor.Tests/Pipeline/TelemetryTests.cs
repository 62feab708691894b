using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Ingestor.Tests.Infrastructure;

namespace Ingestor.Tests.Pipeline;

public sealed class TelemetryTests(TestServers servers)
{
    [Fact]
    public async Task EveryPollIsCountedByBoardAndOutcomeAndEveryEventByType()
    {
        var board = $"metrics-{Guid.NewGuid():N}"[..20];
        var measurements = new ConcurrentBag<(string Instrument, long Value, Dictionary<string, object?> Tags)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "Ingestor")
                l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
            measurements.Add((instrument.Name, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value))));
        listener.Start();

        await using var ingestor = await TestIngestor.StartAsync(servers);
        ingestor.Greenhouse.Script(board, Reply.Board("fal"), Reply.Error(503));
        await ingestor.PollAsync(board);
        await ingestor.PollAsync(board);

        var polls = measurements.Where(m => m.Instrument == "polls" && (string?)m.Tags["board"] == board).Select(m => (string?)m.Tags["outcome"]);
        Assert.Equal(["failed", "succeeded"], polls.Order());
        Assert.Contains(measurements, m => m.Instrument == "posting.events" && (string?)m.Tags["event_type"] == "opened" && m.Value >= 3);
    }
}
