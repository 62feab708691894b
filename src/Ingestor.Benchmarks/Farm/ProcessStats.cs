namespace Ingestor.Benchmarks.Farm;

/// <summary>A running process's CPU time (with its children's, for a server) and peak resident memory, read from <c>/proc</c>.</summary>
internal static class ProcessStats
{
    // User and system time, in clock ticks of 1/100 s, fields 14 and 15 of /proc/PID/stat (after the command's parentheses).
    public static TimeSpan Cpu(int pid) => Stat(pid) is { } fields ? Ticks(fields[11], fields[12]) : TimeSpan.Zero;

    /// <summary>
    /// The CPU time of a process and of all its children, running or ended: a server that forks a process for each
    /// connection (PostgreSQL's backends, autovacuum's workers) counts all of it. An ended child counts once its parent has
    /// reaped it (fields 16 and 17, the reaped children's time). A walk reads the parent before its children, so a child
    /// reaped during it is missed, never counted twice: of a few walks over half a second (a <c>--once</c> process's backends all end as it
    /// exits), the largest is the time.
    /// </summary>
    public static async Task<TimeSpan> TreeCpuAsync(int pid)
    {
        var most = TreeCpu(pid);
        for (var walk = 0; walk < 5; walk++)
        {
            await Task.Delay(100);
            most = Max(most, TreeCpu(pid));
        }
        return most;
    }

    // One pass over /proc, in process-id order (a server before the processes it forks), then the tree summed from it.
    private static TimeSpan TreeCpu(int pid)
    {
        var cpu = new Dictionary<int, TimeSpan>();
        var forked = new List<(int Parent, int Child)>();
        foreach (var entry in Directory.EnumerateDirectories("/proc"))
            if (int.TryParse(Path.GetFileName(entry), out var id) && Stat(id) is { } fields)
            {
                cpu[id] = Ticks(fields[11], fields[12]) + Ticks(fields[13], fields[14]);
                forked.Add((int.Parse(fields[1]), id));
            }
        var children = forked.ToLookup(f => f.Parent, f => f.Child);
        TimeSpan Sum(int root) => cpu.GetValueOrDefault(root) + children[root].Aggregate(TimeSpan.Zero, (total, child) => total + Sum(child));
        return Sum(pid);
    }

    private static string[]? Stat(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return fields.Length > 14 ? fields : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static TimeSpan Ticks(string user, string system) => TimeSpan.FromSeconds((long.Parse(user) + long.Parse(system)) / 100.0);

    /// <summary>VmHWM: the most resident memory the process has held since it started or since <see cref="ResetPeakRss"/>.</summary>
    public static long PeakRss(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    /// <summary>Starts VmHWM again from the current resident memory (Linux: writing 5 to <c>/proc/PID/clear_refs</c>).</summary>
    public static void ResetPeakRss(int pid) => File.WriteAllText($"/proc/{pid}/clear_refs", "5");
}
