using Ingestor.Providers.Greenhouse;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Ingestor.Providers;

public static class ProviderRegistration
{
    /// <summary>Every provider this build knows, each registered as an <see cref="IJobBoardProvider"/>, and their catalog.</summary>
    public static IHostApplicationBuilder AddProviders(this IHostApplicationBuilder builder)
    {
        builder.AddGreenhouse();
        builder.Services.AddSingleton<ProviderCatalog>();
        return builder;
    }
}
