using Ingestor.Normalization;
using Ingestor.Normalization.Evaluation;

namespace Ingestor.Cli;

/// <summary><c>--eval locations|salaries FILE</c>: per-field accuracy and every miss on a labeled JSONL set. Needs no database.</summary>
internal static class EvalCommand
{
    public static int Run(string kind, string file, TextWriter output)
    {
        if (!File.Exists(file))
        {
            Console.Error.WriteLine($"error: no such file: {file}");
            return IngestorCommandLine.UsageOrConfigurationError;
        }
        var lines = LabeledSet.Read(file);
        var report = kind == "locations"
            ? LocationEvaluation.Run(lines, new LocationParser(Gazetteer.Load()))
            : SalaryEvaluation.Run(lines);
        report.WriteTo(output);
        return IngestorCommandLine.Success;
    }
}
