namespace Ingestor.Renormalization;

/// <summary>What a re-derivation did: postings re-derived, how many changed per field, and those it could not read, by id and reason.</summary>
public sealed class RenormalizationReport
{
    private readonly Dictionary<string, int> _changed = DerivedFields.Reported.ToDictionary(field => field, _ => 0);
    private readonly List<(string JobId, string Reason)> _unreadable = [];

    /// <summary>Postings whose parsed fields the current code derived and wrote, changed or not.</summary>
    public int Rederived { get; private set; }

    /// <summary>Postings among them that changed in any reported field.</summary>
    public int Changed { get; private set; }

    /// <summary>Postings whose structured pay was kept from their row: their stored job does not hold what states it.</summary>
    public int PayKeptFromRow { get; private set; }

    /// <summary>Postings re-derived per field changed, in <see cref="DerivedFields.Reported"/> order.</summary>
    public IReadOnlyList<(string Field, int Postings)> ChangedByField => [.. DerivedFields.Reported.Select(name => (name, _changed[name]))];

    public IReadOnlyList<(string JobId, string Reason)> Unreadable => _unreadable;

    internal void Add(IReadOnlyList<string> changedFields, bool payKeptFromRow)
    {
        Rederived++;
        if (changedFields.Count > 0)
            Changed++;
        foreach (var field in changedFields)
            _changed[field]++;
        if (payKeptFromRow)
            PayKeptFromRow++;
    }

    internal void AddUnreadable(string jobId, string reason) => _unreadable.Add((jobId, reason));
}
