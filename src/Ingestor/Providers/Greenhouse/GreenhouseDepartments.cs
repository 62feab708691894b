namespace Ingestor.Providers.Greenhouse;

/// <summary>One entry of a Greenhouse job's <c>departments</c>; <see cref="ParentId"/> may name a department that is not in the list.</summary>
public sealed record GreenhouseDepartmentRef(long Id, string Name, long? ParentId);

/// <summary>
/// The department a posting belongs to and, when the posting names a more specific one below it, the team.
/// <see cref="Department"/> is the highest department the posting itself names, which is the company's top level only
/// when the board lists the whole chain.
/// </summary>
public sealed record DepartmentPath(string? Department, string? Team)
{
    public static readonly DepartmentPath Unknown = new(null, null);

    /// <summary>
    /// Follows <c>parent_id</c> within the list: department = the top ancestor listed, team = the most specific department
    /// listed under it when that is another one. With unrelated departments the first listed decides.
    /// A parent that is not in the list is not followed and not guessed: Greenhouse lists only the job's own department
    /// (every Stripe and Airbnb job in the recorded boards has an absent parent), so ("Developer Relations", null) is what
    /// can be said. Demoting it to a team would leave every such posting without a department.
    /// </summary>
    public static DepartmentPath FromGreenhouse(IReadOnlyList<GreenhouseDepartmentRef> departments)
    {
        // A department without a name cannot be reported; it is treated as absent.
        var named = departments.Where(d => !string.IsNullOrWhiteSpace(d.Name)).ToList();
        if (named.Count == 0) return Unknown;

        var byId = named.DistinctBy(d => d.Id).ToDictionary(d => d.Id);
        var chains = named.Select(d => ChainToTop(d, byId)).ToList();
        var top = chains[0][^1];
        var mostSpecific = chains.Where(chain => chain[^1].Id == top.Id).MaxBy(chain => chain.Count)![0];

        var department = top.Name.Trim();
        var team = mostSpecific.Name.Trim();
        return new(department, string.Equals(team, department, StringComparison.OrdinalIgnoreCase) ? null : team);
    }

    // The department, its listed parent, that one's listed parent… A cycle in the data ends the chain where it repeats.
    static List<GreenhouseDepartmentRef> ChainToTop(GreenhouseDepartmentRef start, Dictionary<long, GreenhouseDepartmentRef> byId)
    {
        var chain = new List<GreenhouseDepartmentRef> { start };
        var seen = new HashSet<long> { start.Id };
        while (chain[^1].ParentId is { } parentId && byId.TryGetValue(parentId, out var parent) && seen.Add(parent.Id))
            chain.Add(parent);
        return chain;
    }
}
