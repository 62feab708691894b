using Ingestor.Providers.Http;

namespace Ingestor.Providers.Ashby;

/// <summary>The <c>Ashby</c> section: <c>https://api.ashbyhq.com</c> unless set, or a <c>file://</c> folder laid out like the API.</summary>
public sealed class AshbyOptions : ProviderHttpOptions
{
    public const string Section = "Ashby";

    public AshbyOptions() => BaseUrl = new Uri("https://api.ashbyhq.com");

    protected override string SectionName => Section;
}
