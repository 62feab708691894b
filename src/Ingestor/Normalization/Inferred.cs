namespace Ingestor.Normalization;

/// <summary>A value read from a posting and how sure the reading is (0–1).</summary>
public sealed record Inferred(string Value, double Confidence);
