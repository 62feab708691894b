namespace Ingestor.Normalization.Fingerprints;

/// <summary>
/// One field of what a reader sees of a posting, as the provider sent it: a single text, a list of texts in the order sent, or
/// named texts (custom fields; of names given twice, the last one's value). <see cref="ContentFingerprint"/> hashes them.
/// </summary>
public sealed record ContentField
{
    private ContentField(string name) => Name = name;

    public string Name { get; }

    public string? Text { get; private init; }

    public IReadOnlyList<string>? Texts { get; private init; }

    public IReadOnlyList<KeyValuePair<string, string?>>? Named { get; private init; }

    public static ContentField Of(string name, string? text) => new(name) { Text = text };

    public static ContentField List(string name, IEnumerable<string> texts) => new(name) { Texts = [.. texts] };

    public static ContentField Map(string name, IEnumerable<KeyValuePair<string, string?>> named) => new(name) { Named = [.. named] };
}
