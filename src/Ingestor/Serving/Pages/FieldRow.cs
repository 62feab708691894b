namespace Ingestor.Serving.Pages;

/// <summary>
/// One line of a two-column table: what it is, its value as read, and where the value leads (a link) if anywhere.
/// <paramref name="Field"/> names the API field the value comes from, when it comes from one.
/// </summary>
public sealed record FieldRow(string Label, string Text, string? Href = null, string? Field = null);
