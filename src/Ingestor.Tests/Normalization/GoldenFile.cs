namespace Ingestor.Tests.Normalization;

/// <summary>The golden file: tab-separated, a header naming the field columns, one line per job and one per payload's snapshot.</summary>
internal static class GoldenFile
{
    private const string About = """
        # What normalization produced for every recorded job when this file was written; GoldenPostingsTests fails on any difference.
        # Stored postings are compared by their hashes: a changed line here is an "updated" event for every stored posting like it.
        # payload: a board under samples/greenhouse/v1/boards, a file under samples/greenhouse/more, or edge-cases.json beside this file.
        # job: the job id, or (snapshot) for the payload's declared total, rejected jobs and job ids in order.
        # digest: SHA-256 of the normalized posting as stored (JSON, snake_case); then 4 hex digits of each field's, "-" for null.
        # Regenerate only for an intended change of output, and say so in the commit:
        #   INGESTOR_WRITE_GOLDEN=1 ./scripts/test.sh --filter "FullyQualifiedName~GoldenPostings"
        """;

    public static void Write(string path, IReadOnlyList<GoldenRow> rows)
    {
        var fieldNames = rows.First(row => row.Fields.Count > 0).Fields.Select(field => field.Name);
        var lines = new List<string> { About, string.Join('\t', ["payload", "job", "digest", .. fieldNames]) };
        lines.AddRange(rows.Select(row => string.Join('\t', [row.Payload, row.Job, row.Digest, .. row.Fields.Select(field => field.Digest)])));
        File.WriteAllText(path, string.Join('\n', lines) + "\n");
    }

    public static IReadOnlyList<GoldenRow> Read(string path)
    {
        var lines = File.ReadAllLines(path).Where(line => !line.StartsWith('#')).ToList();
        var fieldNames = lines[0].Split('\t')[3..];
        return
        [
            .. lines.Skip(1).Select(line => line.Split('\t')).Select(cells =>
                new GoldenRow(cells[0], cells[1], cells[2], [.. cells[3..].Select((digest, i) => (fieldNames[i], digest))])),
        ];
    }
}
