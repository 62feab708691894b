using Ingestor.Normalization.Locations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Ingestor.Normalization;

public static class NormalizationRegistration
{
    public static IHostApplicationBuilder AddNormalization(this IHostApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<LaunchScopeOptions>(LaunchScopeOptions.Section);
        builder.Services.AddSingleton(_ => Gazetteer.Load());
        builder.Services.AddSingleton<LocationParser>();
        builder.Services.AddSingleton(services => new LaunchScope(services.GetRequiredService<IOptions<LaunchScopeOptions>>().Value));
        builder.Services.AddSingleton<PostingNormalizer>();
        // The gazetteer takes half a second to load: a run whose boards are all unchanged never needs it.
        builder.Services.AddSingleton(services => new Lazy<PostingNormalizer>(services.GetRequiredService<PostingNormalizer>));
        return builder;
    }
}
