using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Ingestor.Tests.Infrastructure;

namespace Ingestor.Tests.Pipeline;

/// <summary>Measurements are process-wide, so tests that count them run alone, after the others.</summary>
[CollectionDefinition(nameof(MeasuredAlone), DisableParallelization = true)]
public sealed class MeasuredAlone;

[Collection(nameof(MeasuredAlone))]
public sealed class TelemetryTests(TestServers servers)
{
    [Fact]
    public async Task EveryPollIsCountedByOutcomeAndPayloadAndEveryEventByType()
    {
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
        var reserialized = BoardPayload.Of("fal").Reserialized();
        ingestor.Greenhouse.Script("fal", Reply.Board("fal"), Reply.Board("fal"), reserialized, Reply.Error(503));
        for (var poll = 0; poll < 4; poll++)
            await ingestor.PollAsync("fal");

        var polls = measurements.Where(m => m.Instrument == "polls").Select(m => $"{m.Tags["outcome"]}/{m.Tags["payload"]}");
        Assert.Equal(["failed/none", "succeeded/changed", "succeeded/reserialized", "succeeded/unchanged"], polls.Order());
        Assert.Equal(3, measurements.Where(m => m.Instrument == "posting.events" && (string?)m.Tags["event_type"] == "opened").Sum(m => m.Value));
        Assert.Equal(Payloads.Board("fal").Length * 2 + reserialized.Body.Length, measurements.Where(m => m.Instrument == "payload.bytes").Sum(m => m.Value));
        var archived = measurements.Where(m => m.Instrument == "archived.bytes").ToList();
        Assert.Equal(2, archived.Count);
        Assert.All(archived, bytes => Assert.InRange(bytes.Value, 1, Payloads.Board("fal").Length / 2));
    }
}
