using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Ingestor.Serving;

/// <summary>
/// <c>/healthz/live</c>: the process answers (no dependency, so a database outage does not restart every replica).
/// <c>/healthz/ready</c>: the database answers too, so traffic goes only to replicas that can serve it. The read API and the
/// worker (on its metrics port) answer both alike; probes need no key and are never rate limited.
/// </summary>
public static class HealthEndpoints
{
    public const string LivePath = "/healthz/live";
    public const string ReadyPath = "/healthz/ready";

    public static IServiceCollection AddDatabaseHealthCheck(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("postgres", tags: [DatabaseHealthCheck.ReadyTag]);
        return services;
    }

    public static IEndpointRouteBuilder MapHealthz(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous().DisableRateLimiting();
        app.MapHealthChecks(ReadyPath, new HealthCheckOptions { Predicate = check => check.Tags.Contains(DatabaseHealthCheck.ReadyTag) })
            .AllowAnonymous().DisableRateLimiting();
        return app;
    }
}
