using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;

namespace Ingestor.Providers.Http;

public static class ProviderHttpRegistration
{
    /// <summary>
    /// A provider's typed HTTP client with its options section: a <c>file://</c> base URL served from a folder, else sockets
    /// that leave decoding to the client and follow no redirect (<see cref="RedirectRefusal"/>); the standard resilience
    /// pipeline (retries, timeouts, a circuit breaker per host) set from the section; inside it, every attempt waits its
    /// host's turn (<see cref="PolitenessHandler"/>).
    /// </summary>
    public static IHostApplicationBuilder AddProviderHttpClient<TClient, TOptions>(this IHostApplicationBuilder builder, string section)
        where TClient : class
        where TOptions : ProviderHttpOptions
    {
        builder.Services.AddValidatedOptions<TOptions>(section);
        builder.Services.TryAddSingleton<HostThrottles>();

        var pipeline = builder.Services
            .AddHttpClient<TClient>(http =>
            {
                http.DefaultRequestHeaders.UserAgent.ParseAdd("Ingestor/1.0 (+job-postings dataset)");
                http.DefaultRequestHeaders.Accept.ParseAdd("application/json");
                http.Timeout = Timeout.InfiniteTimeSpan;
            })
            .ConfigurePrimaryHttpMessageHandler(services =>
                services.GetRequiredService<IOptions<TOptions>>().Value.BaseUrl is { IsFile: true }
                    ? new FileBoardHandler()
                    : new SocketsHttpHandler
                    {
                        // The client decodes the body itself: it records the Content-Encoding and caps the decoded bytes.
                        AutomaticDecompression = DecompressionMethods.None,
                        AllowAutoRedirect = false,
                        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                    })
            .AddHttpMessageHandler(() => new RedirectRefusal())
            .AddStandardResilienceHandler()
            // A host answering 429 or failing should trip its own breaker, not one shared by every provider.
            .SelectPipelineByAuthority();

        builder.Services.AddOptions<HttpStandardResilienceOptions>(pipeline.PipelineName)
            .Configure<IOptions<TOptions>>((resilience, provider) => Apply(provider.Value, resilience));

        // Added after the resilience handler, so inside it: every attempt, retries included, waits for its host's turn.
        // The typed client's handlers are configured under its type's name.
        builder.Services.AddHttpClient(typeof(TClient).Name).AddHttpMessageHandler(services => new PolitenessHandler(
            services.GetRequiredService<HostThrottles>(),
            services.GetRequiredService<IOptions<TOptions>>().Value,
            services.GetRequiredService<ILogger<PolitenessHandler>>()));
        return builder;
    }

    private static void Apply(ProviderHttpOptions provider, HttpStandardResilienceOptions resilience)
    {
        resilience.AttemptTimeout.Timeout = provider.AttemptTimeout;
        resilience.TotalRequestTimeout.Timeout = provider.TotalTimeout;
        // The breaker must sample at least two attempts' worth of time; 30 s is the library's default floor.
        var twoAttempts = provider.AttemptTimeout * 2;
        resilience.CircuitBreaker.SamplingDuration = twoAttempts > TimeSpan.FromSeconds(30) ? twoAttempts : TimeSpan.FromSeconds(30);
        resilience.Retry.MaxRetryAttempts = provider.MaxRetryAttempts;
        resilience.Retry.Delay = provider.RetryBaseDelay;
        resilience.Retry.BackoffType = DelayBackoffType.Exponential;
        resilience.Retry.UseJitter = true;
        // Retry-After is honoured up to a cap: an uncapped one would outlast the total timeout and fail the poll anyway.
        resilience.Retry.ShouldRetryAfterHeader = false;
        resilience.Retry.DelayGenerator = arguments =>
        {
            var retryAfter = arguments.Outcome.Result?.Headers.RetryAfter;
            var wait = retryAfter?.Delta ?? retryAfter?.Date - DateTimeOffset.UtcNow;
            return ValueTask.FromResult(wait is { } delay ? Clamp(delay, provider.MaxRetryAfter) : (TimeSpan?)null);
        };
    }

    private static TimeSpan? Clamp(TimeSpan delay, TimeSpan max) =>
        delay < TimeSpan.Zero ? TimeSpan.Zero : delay > max ? max : delay;
}
