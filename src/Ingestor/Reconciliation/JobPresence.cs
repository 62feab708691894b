namespace Ingestor.Reconciliation;

/// <summary>What a job's own endpoint says of it: the evidence a close on absence from the list is checked against.</summary>
public enum JobPresence
{
    /// <summary>The provider says the job no longer exists (a 404 where the provider's 404 is authoritative).</summary>
    Gone,
    /// <summary>The job still answers: the list left it out.</summary>
    Present,
    /// <summary>No answer that settles it (an error, a timeout, a status the provider does not stand behind).</summary>
    Unknown,
}
