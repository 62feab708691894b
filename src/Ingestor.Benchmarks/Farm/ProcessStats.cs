namespace Ingestor.Benchmarks.Farm;

/// <summary>A running process's CPU time and peak resident memory, read from <c>/proc</c>.</summary>
internal static class ProcessStats
{
    // User and system time, in clock ticks of 1/100 s, fields 14 and 15 of /proc/PID/stat (after the command's parentheses).
    public static TimeSpan Cpu(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return TimeSpan.FromSeconds((long.Parse(fields[11]) + long.Parse(fields[12])) / 100.0);
        }
        catch (Exception e) when (e is IOException or FormatException or IndexOutOfRangeException)
        {
            return TimeSpan.Zero;
        }
    }

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
