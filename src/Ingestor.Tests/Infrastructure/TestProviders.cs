using Ingestor.Providers;
using Ingestor.Providers.Greenhouse;
using Microsoft.Extensions.Options;

namespace Ingestor.Tests.Infrastructure;

/// <summary>The providers of this build, for what needs their naming rules and not their hosts (nothing here sends a request).</summary>
internal static class TestProviders
{
    public static ProviderCatalog Catalog { get; } = new(
    [
        new GreenhouseProvider(new GreenhouseClient(
            new HttpClient(), Options.Create(new GreenhouseOptions { BaseUrl = new Uri("https://boards-api.greenhouse.io") }), TimeProvider.System)),
    ]);
}
