using Ingestor.Normalization.Locations;
using Ingestor.Normalization;
using Ingestor.Normalization.Evaluation;
using Ingestor.Providers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Ingestor.Cli;

/// <summary>
/// <c>--eval locations|salaries|postings FILE</c>: per-field accuracy and every miss on a labeled JSONL set. Needs no database:
/// <c>postings</c> reads each job with its provider and normalizes it as a poll would.
/// </summary>
internal static class EvalCommand
{
    public static int Run(string kind, string file, Func<HostApplicationBuilder> createBuilder, TextWriter output)
    {
        if (!File.Exists(file))
        {
            Console.Error.WriteLine($"error: no such file: {file}");
            return IngestorCommandLine.UsageOrConfigurationError;
        }
        var lines = LabeledSet.Read(file);
        var report = kind switch
        {
            "locations" => LocationEvaluation.Run(lines, new LocationParser(Gazetteer.Load())),
            "salaries" => SalaryEvaluation.Run(lines),
            _ => Postings(lines, createBuilder),
        };
        report.WriteTo(output);
        return IngestorCommandLine.Success;
    }

    // The providers and the normalizer as the service composes them; nothing is started, so no database is needed.
    private static EvaluationReport Postings(IReadOnlyList<string> lines, Func<HostApplicationBuilder> createBuilder)
    {
        using var host = createBuilder().Build();
        var providers = host.Services.GetRequiredService<ProviderCatalog>();
        return PostingEvaluation.Run(lines, providers.ReadAsSent, host.Services.GetRequiredService<PostingNormalizer>());
    }
}
