using System.Text.Json;

namespace Ingestor.Providers;

/// <summary>
/// The jobs of one board payload, as its provider listed them. A snapshot is complete when every job could be read and the
/// list is as long as its <see cref="DeclaredTotal"/> (when the provider declares one): only a complete snapshot is evidence
/// that a missing posting has closed. The jobs are read in place from the payload; disposing the snapshot gives back the
/// parser's pooled memory, after which the jobs' <see cref="ListedJob.Source"/> can no longer be read.
/// </summary>
public sealed class BoardSnapshot(JsonDocument document, IReadOnlyList<ListedJob> jobs, int? declaredTotal, IReadOnlyList<string> rejectedJobs)
    : IDisposable
{
    private JsonDocument? _document = document;

    public IReadOnlyList<ListedJob> Jobs { get; } = jobs;

    public int? DeclaredTotal { get; } = declaredTotal;

    /// <summary>Why each job left out of <see cref="Jobs"/> was left out (unreadable, no usable id, listed twice).</summary>
    public IReadOnlyList<string> RejectedJobs { get; } = rejectedJobs;

    public bool IsComplete => RejectedJobs.Count == 0 && (DeclaredTotal is null || Jobs.Count >= DeclaredTotal);

    public void Dispose() => Interlocked.Exchange(ref _document, null)?.Dispose();

    /// <summary>
    /// Parses a payload and lets <paramref name="read"/> list its jobs; the parser's memory is given back if that throws.
    /// Throws <see cref="MalformedPayloadException"/> when the payload is not JSON.
    /// </summary>
    public static BoardSnapshot Parse(ReadOnlyMemory<byte> payload, Func<JsonDocument, BoardSnapshot> read)
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
            return read(document);
        }
        catch
        {
            document.Dispose();
            throw;
        }
    }

    /// <summary>The <c>jobs</c> array of a payload that is an object holding one (Greenhouse's, Ashby's); else the payload is refused.</summary>
    public static JsonElement JobsOf(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
            throw new MalformedPayloadException($"the payload is a JSON {root.ValueKind.ToString().ToLowerInvariant()}, not an object");
        return root.Property("jobs") is { ValueKind: JsonValueKind.Array } list
            ? list
            : throw new MalformedPayloadException("the payload has no \"jobs\" list");
    }

    /// <summary>
    /// Lists the jobs of a JSON array by <paramref name="key"/> (null: the job has no usable id). A job that is not an object,
    /// has no id, is listed twice, or cannot be read (valid JSON that is not text: a lone surrogate) is left out with its
    /// reason, and the snapshot is incomplete. A job <paramref name="isPosting"/> says is no public posting (a job the board
    /// does not list) is left out without a reason: the snapshot stays complete, and its posting closes like any missing one.
    /// </summary>
    public static BoardSnapshot List(
        JsonDocument document, JsonElement array, Func<JsonElement, string?> key, int? declaredTotal, Func<JsonElement, bool>? isPosting = null)
    {
        var jobs = new List<ListedJob>();
        var rejected = new List<string>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            string? id = null;
            string? unreadable = null;
            try
            {
                if (item.ValueKind == JsonValueKind.Object && isPosting is not null && !isPosting(item))
                {
                    index++;
                    continue;
                }
                id = item.ValueKind == JsonValueKind.Object ? key(item) : null;
            }
            catch (InvalidOperationException e)
            {
                unreadable = e.Message;
            }

            if (unreadable is not null)
                rejected.Add($"the job at index {index} could not be read: {unreadable}");
            else if (id is null)
                rejected.Add($"the job at index {index} has no usable id");
            else if (!keys.Add(id))
                rejected.Add($"job {id} is listed twice");
            else
                jobs.Add(new ListedJob(id, item));
            index++;
        }
        return new BoardSnapshot(document, jobs, declaredTotal, rejected);
    }
}

public sealed class MalformedPayloadException(string message) : Exception(message);
