using Ingestor.Reconciliation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Ingestor.Polling;

public static class PollingRegistration
{
    public static IHostApplicationBuilder AddPolling(this IHostApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<PollingOptions>(PollingOptions.Section);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(services =>
        {
            var options = services.GetRequiredService<IOptions<PollingOptions>>().Value;
            return new ClosePolicy(options.MaxCloseFraction, options.MinActiveForCloseGuard);
        });
        builder.Services.AddSingleton(services => new RepostPolicy(services.GetRequiredService<IOptions<PollingOptions>>().Value.RepostWindow));
        builder.Services.AddSingleton<ChangedPayloadBudget>();
        builder.Services.AddSingleton<BoardPoller>();
        builder.Services.AddSingleton<BoardSweep>();
        return builder;
    }
}
