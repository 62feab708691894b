using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace Ingestor.Serving;

public static class HealthEndpoints
{
    /// <summary>
    /// <c>/healthz/live</c>: the process answers (no dependency, so a database outage does not restart every replica).
    /// <c>/healthz/ready</c>: the database answers too, so traffic goes only to replicas that can serve it.
    /// </summary>
    public static WebApplication MapHealthz(this WebApplication app)
    {
        app.MapHealthChecks("/healthz/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/healthz/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(DatabaseHealthCheck.ReadyTag) });
        return app;
    }
}
