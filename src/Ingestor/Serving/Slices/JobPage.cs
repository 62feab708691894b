namespace Ingestor.Serving.Slices;

/// <summary>A page of a slice: its postings newest first, and the cursor of the next page (null on the last).</summary>
public sealed record JobPage(IReadOnlyList<JobRecord> Data, string? NextCursor);
