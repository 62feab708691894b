namespace Ingestor.Tests.Normalization;

public sealed class GoldenPostingsTests
{
    [Fact]
    public void EveryRecordedJobNormalizesExactlyAsTheGoldenFileRecords()
    {
        var actual = GoldenPostings.Compute().ToList();
        if (Environment.GetEnvironmentVariable("INGESTOR_WRITE_GOLDEN") == "1")
            GoldenFile.Write(GoldenPostings.FilePath, actual);

        var differences = Differences(GoldenFile.Read(GoldenPostings.FilePath), actual);

        Assert.True(differences.Count == 0,
            $"{differences.Count} outputs differ from {GoldenPostings.FilePath}:\n{string.Join('\n', differences.Take(50))}");
    }

    [Fact]
    public void TheGoldenFileCoversEveryStripeJobAndTheEdgeCases()
    {
        var rows = GoldenFile.Read(GoldenPostings.FilePath);

        Assert.Equal(547, rows.Count(row => row.Payload == "stripe" && row.Job != GoldenPostings.SnapshotRow));
        Assert.Contains(rows, row => row.Payload == "edge-cases.json" && row.Job == "6" && row.Fields.Count > 30);
    }

    private static List<string> Differences(IReadOnlyList<GoldenRow> expected, IReadOnlyList<GoldenRow> actual)
    {
        var now = actual.ToDictionary(row => row.Key);
        var differences = new List<string>();
        foreach (var before in expected)
        {
            var where = $"{before.Payload} job {before.Job}";
            if (!now.Remove(before.Key, out var after))
                differences.Add($"{where}: no longer read from the payload");
            else if (after.Digest != before.Digest)
                differences.Add($"{where}: {Describe(before, after)}");
        }
        differences.AddRange(now.Values.Select(row => $"{row.Payload} job {row.Job}: not in the golden file"));
        return differences;
    }

    private static string Describe(GoldenRow before, GoldenRow after)
    {
        if (before.Fields.Count == 0 || after.Fields.Count == 0)
            return $"was {before.Digest}, now {after.Digest}";
        var changed = before.Fields.Concat(after.Fields).Select(field => field.Name).Distinct()
            .Where(name => before.Fields.FirstOrDefault(f => f.Name == name) != after.Fields.FirstOrDefault(f => f.Name == name))
            .ToList();
        return changed.Count > 0
            ? $"{string.Join(", ", changed)} differ{(changed.Count == 1 ? "s" : "")}"
            : "the posting differs in a field whose short digest did not change";
    }
}
