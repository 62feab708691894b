using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Ingestor.Providers.Http;
using Polly;

namespace Ingestor.Providers.Greenhouse;

public static class GreenhouseRegistration
{
    public static IHostApplicationBuilder AddGreenhouse(this IHostApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<GreenhouseOptions>(GreenhouseOptions.Section);

        var pipeline = builder.Services
            .AddHttpClient<GreenhouseClient>(http =>
            {
                http.DefaultRequestHeaders.UserAgent.ParseAdd("Ingestor/1.0 (+job-postings dataset)");
                http.DefaultRequestHeaders.Accept.ParseAdd("application/json");
                http.Timeout = Timeout.InfiniteTimeSpan;
            })
            .ConfigurePrimaryHttpMessageHandler(services =>
                services.GetRequiredService<IOptions<GreenhouseOptions>>().Value.BaseUrl is { IsFile: true }
                    ? new FileBoardHandler()
                    : new SocketsHttpHandler
                    {
                        // The client decodes the body itself: it records the Content-Encoding and caps the decoded bytes.
                        AutomaticDecompression = DecompressionMethods.None,
                        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                    })
            .AddStandardResilienceHandler()
            // A host answering 429 or failing should trip its own breaker, not one shared by every provider.
            .SelectPipelineByAuthority();

        builder.Services.AddOptions<HttpStandardResilienceOptions>(pipeline.PipelineName)
            .Configure<IOptions<GreenhouseOptions>>((resilience, greenhouse) => Apply(greenhouse.Value, resilience));

        // Added after the resilience handler, so inside it: every attempt, retries included, waits for its host's turn.
        // The typed client's handlers are configured under its type's name.
        builder.Services.AddSingleton<HostThrottles>();
        builder.Services.AddTransient<PolitenessHandler>();
        builder.Services.AddHttpClient(nameof(GreenhouseClient)).AddHttpMessageHandler<PolitenessHandler>();
        builder.Services.AddSingleton<IJobBoardProvider, GreenhouseProvider>();
        return builder;
    }

    private static void Apply(GreenhouseOptions greenhouse, HttpStandardResilienceOptions resilience)
    {
        resilience.AttemptTimeout.Timeout = greenhouse.AttemptTimeout;
        resilience.TotalRequestTimeout.Timeout = greenhouse.TotalTimeout;
        // The breaker must sample at least two attempts' worth of time; 30 s is the library's default floor.
        var twoAttempts = greenhouse.AttemptTimeout * 2;
        resilience.CircuitBreaker.SamplingDuration = twoAttempts > TimeSpan.FromSeconds(30) ? twoAttempts : TimeSpan.FromSeconds(30);
        resilience.Retry.MaxRetryAttempts = greenhouse.MaxRetryAttempts;
        resilience.Retry.Delay = greenhouse.RetryBaseDelay;
        resilience.Retry.BackoffType = DelayBackoffType.Exponential;
        resilience.Retry.UseJitter = true;
        // Retry-After is honoured up to a cap: an uncapped one would outlast the total timeout and fail the poll anyway.
        resilience.Retry.ShouldRetryAfterHeader = false;
        resilience.Retry.DelayGenerator = arguments =>
        {
            var retryAfter = arguments.Outcome.Result?.Headers.RetryAfter;
            var wait = retryAfter?.Delta ?? retryAfter?.Date - DateTimeOffset.UtcNow;
            return ValueTask.FromResult(wait is { } delay ? Clamp(delay, greenhouse.MaxRetryAfter) : (TimeSpan?)null);
        };
    }

    private static TimeSpan? Clamp(TimeSpan delay, TimeSpan max) =>
        delay < TimeSpan.Zero ? TimeSpan.Zero : delay > max ? max : delay;
}
