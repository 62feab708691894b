using System.Diagnostics;

namespace Ingestor.Benchmarks.Farm;

/// <summary>
/// The built service run as an operator runs it (<c>dotnet Ingestor.dll --once</c>), with its peak resident memory read from
/// <c>/proc</c> (VmHWM only grows, so the last reading before it exits is its peak).
/// </summary>
internal static class ProductRun
{
    /// <param name="Failures">Report lines of boards whose poll failed (<c>TOKEN: failed: …</c>).</param>
    public sealed record Result(TimeSpan Elapsed, long PeakRssBytes, TimeSpan Cpu, string LastLine, IReadOnlyList<string> Failures);

    public static async Task<Result> RunAsync(string serviceAssembly, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetTempPath() };
        start.ArgumentList.Add(serviceAssembly);
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        start.Environment.Remove("DOTNET_ENVIRONMENT");
        foreach (var (name, value) in environment)
            start.Environment[name] = value;

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var lastLine = "";
        var errors = new List<string>();
        var failures = new List<string>();
        process.OutputDataReceived += (_, line) =>
        {
            if (string.IsNullOrWhiteSpace(line.Data))
                return;
            lastLine = line.Data;
            if (line.Data.Contains(": failed: ", StringComparison.Ordinal))
                lock (failures)
                    failures.Add(line.Data);
        };
        process.ErrorDataReceived += (_, line) => { if (line.Data is not null) lock (errors) errors.Add(line.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        long peak = 0;
        var cpu = TimeSpan.Zero;
        while (!process.HasExited)
        {
            peak = Math.Max(peak, ProcessStats.PeakRss(process.Id));
            cpu = Max(cpu, ProcessStats.Cpu(process.Id));
            await Task.Delay(20);
        }
        await process.WaitForExitAsync();
        var elapsed = clock.Elapsed;
        // Exit code 1 with failed boards is a result to report; anything else means the run itself went wrong.
        if (process.ExitCode != 0 && failures.Count == 0)
            throw new InvalidOperationException($"Ingestor {string.Join(' ', arguments)} exited {process.ExitCode}: {lastLine}\n{string.Join('\n', errors.TakeLast(20))}");
        return new Result(elapsed, peak, cpu, lastLine, failures);
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
