using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Ingestor.Serving;

/// <summary>Ready means the database answers: a pooled connection and one trivial statement.</summary>
internal sealed class DatabaseHealthCheck(NpgsqlDataSource database) : IHealthCheck
{
    public const string ReadyTag = "ready";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var command = database.CreateCommand("select 1");
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (NpgsqlException e)
        {
            return HealthCheckResult.Unhealthy("the database does not answer", e);
        }
    }
}
