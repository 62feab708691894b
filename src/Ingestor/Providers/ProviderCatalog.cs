namespace Ingestor.Providers;

/// <summary>The providers this build knows, by the name boards are stored under.</summary>
public sealed class ProviderCatalog(IEnumerable<IJobBoardProvider> providers)
{
    private readonly Dictionary<string, IJobBoardProvider> _byName = providers.ToDictionary(p => p.Name, StringComparer.Ordinal);

    public IEnumerable<string> Names => _byName.Keys.Order(StringComparer.Ordinal);

    /// <summary>The provider of a stored board; a board of a provider this build does not know is a configuration error.</summary>
    public IJobBoardProvider For(string name) =>
        _byName.TryGetValue(name, out var provider)
            ? provider
            : throw new ArgumentException($"no provider named '{name}' in this build (known: {string.Join(", ", Names)})");

    /// <summary>How people write the provider's name, for messages; the name itself for a provider this build does not know.</summary>
    public string DisplayNameOf(string name) => _byName.TryGetValue(name, out var provider) ? provider.DisplayName : name;
}
