using Ingestor.Providers.Http;

namespace Ingestor.Providers.Greenhouse;

/// <summary>
/// The <c>Greenhouse</c> section: <c>https://boards-api.greenhouse.io</c> (appsettings.json), or a <c>file://</c> folder
/// laid out like the API (<c>v1/boards/fal/jobs.json</c>), and the HTTP settings every provider has.
/// </summary>
public sealed class GreenhouseOptions : ProviderHttpOptions
{
    public const string Section = "Greenhouse";

    protected override string SectionName => Section;
}
