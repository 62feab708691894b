using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace Ingestor.Storage;

/// <summary>
/// A row's field hashes as stored (JSON), read only when asked for: they name what changed in a changed posting, and most
/// postings of a poll are unchanged, so reading every row's up front was work thrown away.
/// </summary>
internal sealed class StoredFieldHashes(string json) : IReadOnlyDictionary<string, string>
{
    private Dictionary<string, string>? _hashes;

    private Dictionary<string, string> Hashes => _hashes ??= JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [];

    public string this[string key] => Hashes[key];

    public IEnumerable<string> Keys => Hashes.Keys;

    public IEnumerable<string> Values => Hashes.Values;

    public int Count => Hashes.Count;

    public bool ContainsKey(string key) => Hashes.ContainsKey(key);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value) => Hashes.TryGetValue(key, out value);

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => Hashes.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
