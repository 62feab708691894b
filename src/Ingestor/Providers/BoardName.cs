namespace Ingestor.Providers;

/// <summary>
/// A board as people name it: <c>provider:token</c> (<c>ashby:lambda</c>), a bare token being Greenhouse's
/// (<c>stripe</c>). <see cref="Token"/> is spelled as the provider spells it and as it is stored.
/// </summary>
public sealed record BoardName(string Provider, string Token)
{
    public const string DefaultProvider = Greenhouse.GreenhouseProvider.ProviderName;

    public override string ToString() => Provider == DefaultProvider ? Token : $"{Provider}:{Token}";
}
