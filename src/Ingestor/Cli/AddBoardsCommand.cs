using Ingestor.Providers;
using Ingestor.Storage;
using Microsoft.Extensions.Hosting;

namespace Ingestor.Cli;

/// <summary>
/// <c>--add-boards FILE</c> (or <c>-</c> for standard input): registers every board the file lists in one statement. Boards
/// already known keep their settings; a bad line is reported on standard error and registers nothing, the others are registered.
/// </summary>
internal static class AddBoardsCommand
{
    public const string StandardInput = "-";

    public static async Task<int> RunAsync(
        HostApplicationBuilder builder, string file, TextReader input, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (file != StandardInput && !File.Exists(file))
        {
            error.WriteLine($"error: no such file: {file}");
            return IngestorCommandLine.UsageOrConfigurationError;
        }

        await using var startup = await HostStartup.StartAsync(builder, quiet: true, cancellationToken);
        var source = file == StandardInput ? "standard input" : file;
        BoardList list;
        using (var reader = file == StandardInput ? null : new StreamReader(file))
            list = await BoardList.ReadAsync(reader ?? input, startup.Get<ProviderCatalog>(), cancellationToken);
        foreach (var problem in list.Problems)
            error.WriteLine($"error: {source} line {problem.Line} '{problem.Text.Trim()}': {problem.Reason}");

        var added = await startup.Get<Boards>().AddAsync([.. list.Boards.Select(b => b.Board)], cancellationToken);
        output.WriteLine(
            $"{source}: {list.Read} boards read, {added} registered new, {list.Boards.Count - added} already known, {list.Problems.Count} refused");
        return list.Problems.Count == 0 ? IngestorCommandLine.Success : IngestorCommandLine.Failure;
    }
}
