using Ingestor.Providers.Ashby;
using Ingestor.Providers.Greenhouse;
using Ingestor.Providers.Http;
using Ingestor.Providers.Lever;
using Ingestor.Providers.SmartRecruiters;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Ingestor.Providers;

public static class ProviderRegistration
{
    /// <summary>Every provider this build knows, each with its HTTP client and its settings section, and their catalog.</summary>
    public static IHostApplicationBuilder AddProviders(this IHostApplicationBuilder builder)
    {
        builder.AddProvider<GreenhouseProvider, GreenhouseClient, GreenhouseOptions>(GreenhouseOptions.Section);
        builder.AddProvider<AshbyProvider, AshbyClient, AshbyOptions>(AshbyOptions.Section);
        builder.AddProvider<LeverProvider, LeverClient, LeverOptions>(LeverOptions.Section);
        builder.AddProvider<SmartRecruitersProvider, SmartRecruitersClient, SmartRecruitersOptions>(SmartRecruitersOptions.Section);
        builder.Services.AddSingleton<ProviderCatalog>();
        return builder;
    }

    private static void AddProvider<TProvider, TClient, TOptions>(this IHostApplicationBuilder builder, string section)
        where TProvider : class, IJobBoardProvider
        where TClient : class
        where TOptions : ProviderHttpOptions
    {
        builder.AddProviderHttpClient<TClient, TOptions>(section);
        builder.Services.AddSingleton<IJobBoardProvider, TProvider>();
    }
}
