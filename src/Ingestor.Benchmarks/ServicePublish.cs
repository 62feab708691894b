using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Ingestor.Benchmarks;

/// <summary>
/// The service as the container ships it: published ReadyToRun, self-contained, its code compiled ahead of time with the
/// framework's (src/Ingestor/Ingestor.csproj), so a sweep run as a fresh process measures the work, not the JIT compiling
/// the service again.
/// </summary>
internal static class ServicePublish
{
    public static async Task<string> ReadyToRunAsync(string repository, string folder)
    {
        Console.WriteLine($"publishing the service ReadyToRun for {RuntimeInformation.RuntimeIdentifier} …");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[]
        {
            "publish", Path.Combine(repository, "src", "Ingestor"), "-c", "Release", "-r", RuntimeInformation.RuntimeIdentifier,
            "-p:PublishReadyToRun=true", "-o", folder, "--nologo", "-v", "quiet",
        })
            start.ArgumentList.Add(argument);
        using var publish = Process.Start(start)!;
        var output = publish.StandardOutput.ReadToEndAsync();
        var error = publish.StandardError.ReadToEndAsync();
        await publish.WaitForExitAsync();
        if (publish.ExitCode != 0)
            throw new InvalidOperationException($"dotnet publish failed: {await output}{await error}");
        return Path.Combine(folder, "Ingestor.dll");
    }
}
