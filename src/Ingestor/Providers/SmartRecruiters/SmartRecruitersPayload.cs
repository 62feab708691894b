using System.Text.Json;
using System.Text.RegularExpressions;

namespace Ingestor.Providers.SmartRecruiters;

/// <summary>
/// Reads a poll's <see cref="SmartRecruitersEnvelope"/>: the jobs of every list page, each with its detail when the envelope
/// holds one. The snapshot is complete only when every page arrived, every page declared the same <c>totalFound</c>, no job
/// was listed twice and the pages list exactly as many jobs as declared: a walk across pages of a board that changes under it
/// can skip a posting, and only a complete snapshot is evidence that a missing posting has closed. A detail that failed takes
/// nothing away: its posting is listed, and its content comes with a later poll.
/// </summary>
internal static partial class SmartRecruitersPayload
{
    public static BoardSnapshot Read(ReadOnlyMemory<byte> envelope) => BoardSnapshot.Parse(envelope, document =>
    {
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || root.String("provider") != SmartRecruitersEnvelope.Provider)
            throw new MalformedPayloadException("the payload is not a SmartRecruiters envelope");
        if (root.Property("pages") is not { ValueKind: JsonValueKind.Array } pages)
            throw new MalformedPayloadException("the envelope has no \"pages\" list");

        var problems = new List<string>();
        foreach (var failed in root.Items("failed_pages"))
            problems.Add($"page at offset {failed.Int64("offset")} failed ({failed.String("problem") ?? "no reason given"})");

        var details = DetailsById(root);
        var jobs = new List<ListedJob>();
        var offsetOfKey = new Dictionary<string, long?>(StringComparer.Ordinal);
        long? declared = null, lastDeclared = null;
        var pagesRead = 0;
        foreach (var page in pages.EnumerateArray())
        {
            var offset = page.Int64("offset");
            var body = page.Property("body");
            if (body?.Property("content") is not { ValueKind: JsonValueKind.Array } content)
            {
                problems.Add($"page at offset {offset} is not a list of postings");
                continue;
            }
            pagesRead++;

            var totalFound = body.Value.Int64("totalFound");
            if (totalFound is null)
                problems.Add($"page at offset {offset} states no totalFound");
            else if (lastDeclared is { } last && last != totalFound)
                problems.Add($"totalFound changed from {last} to {totalFound} during the walk");
            declared ??= totalFound;
            lastDeclared = totalFound ?? lastDeclared;

            var index = 0;
            foreach (var item in content.EnumerateArray())
            {
                string? key = null, unreadable = null;
                try
                {
                    key = KeyOf(item);
                }
                catch (InvalidOperationException e)
                {
                    unreadable = e.Message;
                }

                if (unreadable is not null)
                    problems.Add($"the job at index {index} of the page at offset {offset} could not be read: {unreadable}");
                else if (key is null)
                    problems.Add($"the job at index {index} of the page at offset {offset} has no usable id");
                else if (!offsetOfKey.TryAdd(key, offset))
                    problems.Add($"job {key} is listed twice (on the pages at offset {offsetOfKey[key]} and {offset})");
                else
                    jobs.Add(new ListedJob(key, item, details.TryGetValue(key, out var detail) ? detail : null));
                index++;
            }
        }

        if (pagesRead == 0 && problems.Count == 0)
            problems.Add("no list page arrived");
        if (declared is { } total && jobs.Count != total)
            problems.Add($"the pages list {jobs.Count} jobs but totalFound is {total}");
        var declaredTotal = declared is { } count ? (int)Math.Clamp(count, 0, int.MaxValue) : (int?)null;
        return new BoardSnapshot(document, jobs, declaredTotal, problems);
    });

    /// <summary>
    /// A posting's id as text. SmartRecruiters sends 15-digit numeric strings; any id made of letters, digits, '-' and '_' is
    /// taken, as it names the detail's URL path. Anything else (a '/', a space) could leave that path and is no usable id.
    /// </summary>
    public static string? KeyOf(JsonElement job) =>
        job.ValueKind == JsonValueKind.Object && job.String("id") is { } id && IdShape().IsMatch(id) ? id : null;

    [GeneratedRegex("^[A-Za-z0-9_-]{1,100}$")]
    private static partial Regex IdShape();

    // A detail whose own id names another posting is not this posting's content.
    private static Dictionary<string, JsonElement> DetailsById(JsonElement root)
    {
        var byId = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        if (root.Property("details") is { ValueKind: JsonValueKind.Object } details)
            foreach (var detail in details.EnumerateObject())
                if (detail.Value.ValueKind == JsonValueKind.Object && (detail.Value.String("id") ?? detail.Name) == detail.Name)
                    byId.TryAdd(detail.Name, detail.Value);
        return byId;
    }
}
