using System.Text.Json;

namespace Ingestor.Greenhouse;

/// <summary>
/// The jobs of one board payload. A snapshot is complete when every job could be read and the list is as long as
/// its declared <c>meta.total</c>: only a complete snapshot is evidence that a missing posting has closed.
/// The jobs are read in place from the payload; disposing the snapshot gives back the parser's pooled memory, after which
/// the jobs' <see cref="GreenhouseJob.Source"/> can no longer be read.
/// </summary>
public sealed record BoardSnapshot(IReadOnlyList<GreenhouseJob> Jobs, int? DeclaredTotal, IReadOnlyList<string> RejectedJobs) : IDisposable
{
    private JsonDocument? _document;

    public bool IsComplete => RejectedJobs.Count == 0 && (DeclaredTotal is null || Jobs.Count >= DeclaredTotal);

    public void Dispose() => Interlocked.Exchange(ref _document, null)?.Dispose();

    /// <summary>Reads a payload; throws <see cref="MalformedPayloadException"/> when it cannot be trusted as a snapshot at all.</summary>
    public static BoardSnapshot Parse(ReadOnlyMemory<byte> payload)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(payload);
        }
        catch (JsonException e)
        {
            throw new MalformedPayloadException($"the payload is not valid JSON: {e.Message}");
        }

        try
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                throw new MalformedPayloadException($"the payload is a JSON {root.ValueKind.ToString().ToLowerInvariant()}, not an object");
            if (root.Property("jobs") is not { ValueKind: JsonValueKind.Array } list)
                throw new MalformedPayloadException("the payload has no \"jobs\" list");

            var jobs = new List<GreenhouseJob>();
            var rejected = new List<string>();
            var ids = new HashSet<long>();
            var index = 0;
            foreach (var item in list.EnumerateArray())
            {
                var job = Read(item, out var unreadable);
                if (unreadable is not null)
                    rejected.Add($"the job at index {index} could not be read: {unreadable}");
                else if (job is null)
                    rejected.Add($"the job at index {index} has no usable id");
                else if (!ids.Add(job.Id))
                    rejected.Add($"job {job.Id} is listed twice");
                else
                    jobs.Add(job);
                index++;
            }

            var declared = root.Property("meta")?.Int64("total") is { } total ? (int)Math.Clamp(total, 0, int.MaxValue) : (int?)null;
            return new BoardSnapshot(jobs, declared, rejected) { _document = document };
        }
        catch
        {
            document.Dispose();
            throw;
        }
    }

    // A string that is valid JSON but not text (a lone surrogate escape) fails one job, never the board.
    private static GreenhouseJob? Read(JsonElement item, out string? unreadable)
    {
        unreadable = null;
        try
        {
            return GreenhouseJobReader.Read(item);
        }
        catch (InvalidOperationException e)
        {
            unreadable = e.Message;
            return null;
        }
    }
}

public sealed class MalformedPayloadException(string message) : Exception(message);
