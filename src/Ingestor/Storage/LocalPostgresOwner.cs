using System.Diagnostics;
using System.Globalization;

namespace Ingestor.Storage;

/// <summary>
/// Which process runs the throwaway PostgreSQL on a folder: its id and start time, in a file beside the folder. The start
/// time tells the owner apart from a later process that happens to get the same id.
/// </summary>
internal static class LocalPostgresOwner
{
    public static void Claim(string file)
    {
        using var self = Process.GetCurrentProcess();
        File.WriteAllText(file, $"{self.Id} {StartTicks(self).ToString(CultureInfo.InvariantCulture)}\n");
    }

    /// <summary>The id of the process named in <paramref name="file"/> when that process still runs and is not this one.</summary>
    public static int? Living(string file)
    {
        if (!File.Exists(file))
            return null;
        var fields = File.ReadAllText(file).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (fields.Length != 2 || !int.TryParse(fields[0], CultureInfo.InvariantCulture, out var id)
            || !long.TryParse(fields[1], CultureInfo.InvariantCulture, out var startTicks) || id == Environment.ProcessId)
            return null;
        try
        {
            using var process = Process.GetProcessById(id);
            // Start times are derived from clock ticks since boot; allow for rounding between two readers.
            return Math.Abs(StartTicks(process) - startTicks) < TimeSpan.TicksPerSecond && !process.HasExited ? id : null;
        }
        catch (Exception error) when (error is ArgumentException or InvalidOperationException)
        {
            return null;
        }
    }

    private static long StartTicks(Process process) => process.StartTime.ToUniversalTime().Ticks;
}
