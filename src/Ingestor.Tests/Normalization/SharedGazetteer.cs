using Ingestor.Normalization.Locations;
using Ingestor.Normalization;

namespace Ingestor.Tests.Normalization;

/// <summary>One gazetteer for the test run, as the application registers one singleton.</summary>
internal static class SharedGazetteer
{
    private static readonly Lazy<Gazetteer> Loaded = new(Gazetteer.Load);

    public static Gazetteer Instance => Loaded.Value;

    public static LocationParser Parser { get; } = new(Instance);

    public static IEnumerable<string> EvalLines(string file) =>
        File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Normalization", "Eval", file));
}
