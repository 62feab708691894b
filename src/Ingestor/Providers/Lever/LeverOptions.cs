using Ingestor.Providers.Http;

namespace Ingestor.Providers.Lever;

/// <summary>
/// The <c>Lever</c> section: <c>https://api.lever.co</c> unless set, and <see cref="EuBaseUrl"/> (<c>https://api.eu.lever.co</c>)
/// for sites hosted in the EU, which the global host answers with 404; either may be a <c>file://</c> folder.
/// </summary>
public sealed class LeverOptions : ProviderHttpOptions
{
    public const string Section = "Lever";

    public LeverOptions() => BaseUrl = new Uri("https://api.lever.co");

    public Uri? EuBaseUrl { get; set; } = new("https://api.eu.lever.co");

    protected override string SectionName => Section;
}
