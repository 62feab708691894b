namespace Ingestor.Normalization.Locations;

/// <summary>
/// A location string read into place names. Unknown parts stay null; <see cref="Confidence"/> (0–1) says how sure the reading is.
/// <see cref="Alternatives"/> holds every place named when the string lists several; the first concrete one is the posting's.
/// </summary>
public sealed record ParsedLocation(
    string? Raw,
    string? City,
    string? Region,
    string? Country,
    string? CountryCode,
    bool IsRemote,
    string? WorkplaceType,
    double Confidence,
    IReadOnlyList<ParsedLocation> Alternatives)
{
    public static ParsedLocation Unknown(string? raw) =>
        new(raw, null, null, null, null, false, null, 0.0, []);
}
