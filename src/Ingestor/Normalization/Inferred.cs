namespace Ingestor.Normalization;

/// <summary>A value read from a posting, where it was read from (a <see cref="Provenance"/> source) and how sure the reading is (0–1).</summary>
public sealed record Inferred(string Value, double Confidence, string Source);
