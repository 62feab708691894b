using Ingestor.Providers.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Ingestor.Providers.Greenhouse;

public static class GreenhouseRegistration
{
    public static IHostApplicationBuilder AddGreenhouse(this IHostApplicationBuilder builder)
    {
        builder.AddProviderHttpClient<GreenhouseClient, GreenhouseOptions>(GreenhouseOptions.Section);
        builder.Services.AddSingleton<IJobBoardProvider, GreenhouseProvider>();
        return builder;
    }
}
