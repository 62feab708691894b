using System.Diagnostics;
using System.Text;

namespace Ingestor.Tests.Infrastructure;

/// <summary>The built service run as its own process, the way a container or an operator runs it, from a folder of no importance.</summary>
public sealed class IngestorProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _error = new();

    private IngestorProcess(Process process) => _process = process;

    // The service's own build output (same configuration as the tests): the test folder has the service's assembly,
    // but resolves its dependencies through the test's ASP.NET Core framework, which the service does not use.
    private static readonly string ServiceAssembly = Path.Combine(
        RepositoryPaths.Root, "src", "Ingestor", "bin", new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name, "net10.0", "Ingestor.dll");

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public string Output { get { lock (_output) return _output.ToString(); } }

    public string Error { get { lock (_error) return _error.ToString(); } }

    public static IngestorProcess Start(IReadOnlyDictionary<string, string?> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        start.ArgumentList.Add(ServiceAssembly);
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        start.Environment.Remove("DOTNET_ENVIRONMENT");
        start.Environment["Logging__Console__FormatterName"] = "simple";
        foreach (var (name, value) in environment)
            start.Environment[name.Replace(":", "__")] = value;

        var process = new IngestorProcess(Process.Start(start)!);
        process._process.OutputDataReceived += (_, line) => { lock (process._output) process._output.AppendLine(line.Data); };
        process._process.ErrorDataReceived += (_, line) => { lock (process._error) process._error.AppendLine(line.Data); };
        process._process.BeginOutputReadLine();
        process._process.BeginErrorReadLine();
        return process;
    }

    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(IReadOnlyDictionary<string, string?> environment, params string[] arguments)
    {
        await using var process = Start(environment, arguments);
        var exitCode = await process.WaitForExitAsync(TimeSpan.FromMinutes(2));
        return (exitCode, process.Output, process.Error);
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancel.Token);
        _process.WaitForExit(); // flushes the redirected streams
        return _process.ExitCode;
    }

    /// <summary>Kills the service outright (SIGKILL), as an OOM kill or <c>kill -9</c> does: it runs no code of its own after this.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: false);
        await _process.WaitForExitAsync();
    }

    /// <summary>Asks the service to stop, as a container runtime does (SIGTERM).</summary>
    public void Terminate() => Process.Start("kill", ["-TERM", _process.Id.ToString()])!.WaitForExit();

    /// <summary>
    /// Kills the service if it still runs, waiting at most 30 s for it to go. Never throws: it runs in a test's <c>finally</c>,
    /// where an exception (a process gone between the check and the kill, a wait that timed out) would hide the assertion that
    /// failed.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
                _process.Kill(entireProcessTree: true);
            using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await _process.WaitForExitAsync(cancel.Token);
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception or OperationCanceledException)
        {
        }
        _process.Dispose();
    }
}
