using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Ingestor.Serving.Access;

/// <summary>
/// Who may read and how fast. With keys configured, every endpoint requires one (the fallback policy), so a route added
/// later is covered without saying so; health, the OpenAPI document and the docs opt out with <c>AllowAnonymous</c>. Every
/// client has its own token bucket, health probes none.
/// </summary>
public static class ReadApiAccess
{
    public static IServiceCollection AddReadApiAccess(this IServiceCollection services)
    {
        services.AddValidatedOptions<ApiKeyOptions>(ApiKeyOptions.Section);
        services.AddValidatedOptions<RateLimitOptions>(RateLimitOptions.Section);

        services.AddAuthentication(ApiKeyAuthentication.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, configureOptions: null);
        services.AddAuthorization();
        services.AddOptions<AuthorizationOptions>().Configure<IOptions<ApiKeyOptions>>((authorization, keys) =>
        {
            if (keys.Value.ApiKeys.Count > 0)
                authorization.FallbackPolicy = new AuthorizationPolicyBuilder(ApiKeyAuthentication.SchemeName).RequireAuthenticatedUser().Build();
        });

        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>>((limiter, budget) =>
        {
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => budget.Value.IsOn
                ? RateLimitPartition.GetTokenBucketLimiter(Client(context), _ => Bucket(budget.Value))
                : RateLimitPartition.GetNoLimiter(""));
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (rejected, _) => TooManyRequestsAsync(rejected, Bucket(budget.Value).ReplenishmentPeriod);
        });
        return services;
    }

    /// <summary>Authentication first, so the limiter knows a client by its key; the limiter before authorization, so wrong keys count too.</summary>
    public static WebApplication UseReadApiAccess(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        return app;
    }

    private static string Client(HttpContext context) =>
        context.User.FindFirst(ApiKeyAuthentication.KeyClaim)?.Value is { } key ? $"key:{key}" : $"ip:{context.Connection.RemoteIpAddress}";

    /// <summary>Whole tokens, at most about a second apart: the limiter refills its buckets on a timer of its own, not continuously.</summary>
    private static TokenBucketRateLimiterOptions Bucket(RateLimitOptions budget)
    {
        var tokensPerPeriod = Math.Max(1, (int)Math.Round(budget.PermitsPerSecond));
        return new TokenBucketRateLimiterOptions
        {
            TokenLimit = budget.Burst,
            TokensPerPeriod = tokensPerPeriod,
            ReplenishmentPeriod = TimeSpan.FromSeconds(tokensPerPeriod / budget.PermitsPerSecond),
            QueueLimit = 0,
        };
    }

    private static async ValueTask TooManyRequestsAsync(OnRejectedContext rejected, TimeSpan replenishmentPeriod)
    {
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : replenishmentPeriod;
        var http = rejected.HttpContext;
        http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests",
                Detail = "This client has spent its request budget; retry after the time in the Retry-After header.",
            },
        });
    }
}
