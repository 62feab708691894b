using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Ingestor.Normalization;
using Ingestor.Providers;
using Ingestor.Providers.Greenhouse;
using Ingestor.Tests.Infrastructure;

namespace Ingestor.Tests.Normalization;

/// <summary>
/// One line of the golden file: a job's whole normalized posting as a digest, and a short digest of each of its fields.
/// <see cref="Payload"/> is a board under samples/greenhouse/v1/boards ("stripe"), a file under samples/greenhouse/more
/// ("more/fal.job-4009193009.json") or the tests' own edge-cases.json.
/// </summary>
/// <param name="Digest">SHA-256 of the posting as stored (JSON, snake_case); "error {Type}" when normalizing it throws.</param>
/// <param name="Fields">Each field's name and the first four hex digits of the SHA-256 of its JSON, "-" when it is null.</param>
internal sealed record GoldenRow(string Payload, string Job, string Digest, IReadOnlyList<(string Name, string Digest)> Fields)
{
    public (string, string) Key => (Payload, Job);
}

/// <summary>
/// Normalizes every job of every recorded payload: each board under samples/greenhouse, the single-job and later listings
/// under samples/greenhouse/more, and Golden/edge-cases.json (the shapes the unit tests use, markup and JSON edge cases).
/// </summary>
internal static class GoldenPostings
{
    public const string SnapshotRow = "(snapshot)";

    public static string FilePath => Path.Combine(RepositoryPaths.Root, "src", "Ingestor.Tests", "Normalization", "Golden", "postings.tsv");

    private static readonly JsonSerializerOptions RowJson = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private static readonly PostingNormalizer Normalizer = new(
        SharedGazetteer.Parser, new LaunchScope(new LaunchScopeOptions { Languages = ["en"], Countries = ["US", "CA"] }));

    public static IEnumerable<GoldenRow> Compute()
    {
        foreach (var (label, board, payload) in RecordedPayloads())
        {
            var snapshot = GreenhousePayload.Read(payload);
            var outline = $"declared {snapshot.DeclaredTotal}\nrejected {string.Join('\n', snapshot.RejectedJobs)}\njobs {string.Join(',', snapshot.Jobs.Select(j => j.Key))}";
            yield return new GoldenRow(label, SnapshotRow, Sha256Hex(Encoding.UTF8.GetBytes(outline)), []);
            foreach (var job in snapshot.Jobs)
                yield return Row(label, board, job);
        }
    }

    private static GoldenRow Row(string label, string board, ListedJob job)
    {
        var key = job.Key;
        NormalizedPosting posting;
        try
        {
            posting = Normalizer.Normalize("greenhouse", board, GreenhouseJobs.Read(job));
        }
        catch (Exception e)
        {
            return new GoldenRow(label, key, $"error {e.GetType().Name}", []);
        }
        var json = JsonSerializer.SerializeToUtf8Bytes(posting, RowJson);
        using var document = JsonDocument.Parse(json);
        var fields = document.RootElement.EnumerateObject()
            .Select(field => (field.Name, field.Value.ValueKind == JsonValueKind.Null ? "-" : Sha256Hex(Encoding.UTF8.GetBytes(field.Value.GetRawText()))[..4]))
            .ToList();
        return new GoldenRow(label, key, Sha256Hex(json), fields);
    }

    private static IEnumerable<(string Label, string Board, byte[] Payload)> RecordedPayloads()
    {
        foreach (var folder in Directory.GetDirectories(RepositoryPaths.Samples("greenhouse", "v1", "boards")).Order(StringComparer.Ordinal))
        {
            var board = Path.GetFileName(folder);
            yield return (board, board, Payloads.Board(board));
        }
        foreach (var file in Directory.GetFiles(RepositoryPaths.Samples("greenhouse", "more")).Order(StringComparer.Ordinal))
        {
            // "fal.job-4009193009.json" is a job of board fal. The board endpoint's answer and the 404 body hold no job.
            var board = Path.GetFileName(file).Split('.')[0];
            var payload = Payloads.Read(file);
            using var document = JsonDocument.Parse(payload);
            if (document.RootElement.TryGetProperty("jobs", out _))
                yield return ($"more/{Path.GetFileName(file)}", board, payload);
            else if (document.RootElement.TryGetProperty("id", out _))
                yield return ($"more/{Path.GetFileName(file)}", board, [.. "{\"jobs\":["u8, .. payload, .. "]}"u8]);
        }
        var edgeCases = Path.Combine(Path.GetDirectoryName(FilePath)!, "edge-cases.json");
        yield return ("edge-cases.json", "edge-cases", File.ReadAllBytes(edgeCases));
    }

    private static string Sha256Hex(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
