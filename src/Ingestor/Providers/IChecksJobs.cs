namespace Ingestor.Providers;

/// <summary>
/// A provider with a public endpoint for one job (Greenhouse, Lever, SmartRecruiters; Ashby has none). A posting missing from a
/// complete list is checked there before it closes: absence from one list is weak evidence, since lists come back short.
/// </summary>
public interface IChecksJobs
{
    /// <summary>Asks the job's own endpoint; a request that fails or takes longer than <paramref name="timeout"/> is a check that settled nothing, not an exception.</summary>
    Task<JobCheck> CheckJobAsync(string boardToken, string jobKey, TimeSpan timeout, CancellationToken cancellationToken);
}
