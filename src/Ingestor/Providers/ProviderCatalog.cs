using System.Text.Json;

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

    /// <summary>
    /// Reads a board's name, <c>provider:token</c> or a bare Greenhouse token, into the provider and the token as it is stored;
    /// false with a reason a person can act on when the provider is unknown or the token cannot be one of its boards.
    /// </summary>
    public bool TryParse(string text, out BoardName board, out string problem)
    {
        board = new BoardName("", "");
        var separator = text.IndexOf(':');
        var name = separator < 0 ? BoardName.DefaultProvider : text[..separator].Trim().ToLowerInvariant();
        var candidate = separator < 0 ? text : text[(separator + 1)..];
        if (!_byName.TryGetValue(name, out var provider))
        {
            problem = $"unknown provider '{name}' (known: {string.Join(", ", Names)}); name a board as provider:token, e.g. ashby:lambda";
            return false;
        }
        if (!provider.TryNormalizeToken(candidate, out var token, out problem))
            return false;
        board = new BoardName(provider.Name, token);
        return true;
    }

    /// <summary>
    /// Reads a job object of the named provider whole, as the poller does: the job as sent, or, for a provider whose content
    /// comes in a detail of its own, <c>{"list": the listed job, "detail": its detail}</c>. For labeled sets and checks.
    /// </summary>
    public SourceJob ReadAsSent(string name, JsonElement job)
    {
        var provider = For(name);
        var (listed, detail) = job.TryGetProperty("list", out var list) ? (list, job.TryGetProperty("detail", out var d) ? d : (JsonElement?)null) : (job, null);
        var key = provider.KeyOf(listed) ?? throw new InvalidOperationException($"the {provider.DisplayName} job has no usable id");
        return provider.ReadJob(new ListedJob(key, listed, detail));
    }

    /// <summary>How people write the provider's name, for messages; the name itself for a provider this build does not know.</summary>
    public string DisplayNameOf(string name) => _byName.TryGetValue(name, out var provider) ? provider.DisplayName : name;
}
