namespace Ingestor.Providers;

/// <summary>
/// A provider whose list is the snapshot but leaves out the content (SmartRecruiters): the poller asks it for the details of
/// the jobs it must read whole, those new or changed, and archives the list and the details as one payload.
/// </summary>
public interface IFetchesDetails
{
    /// <summary>
    /// The listed payload with the details of <paramref name="keys"/> added; a detail that fails is kept as a failure, and its
    /// job (<see cref="ListedJob.Detail"/> null) waits for a later poll.
    /// </summary>
    Task<BoardResponse> WithDetailsAsync(string boardToken, BoardResponse listed, IReadOnlyCollection<string> keys, CancellationToken cancellationToken);
}
