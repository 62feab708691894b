namespace Ingestor.Tests.Infrastructure;

/// <summary>Files of the repository the tests read in place (sample payloads, test tools), found from the test binary upwards.</summary>
public static class RepositoryPaths
{
    public static readonly string Root = FindRoot();

    public static string Samples(params string[] parts) => Path.Combine([Root, "samples", .. parts]);

    public static string GreenhouseBoard(string token)
    {
        var folder = Samples("greenhouse", "v1", "boards", token);
        return new[] { "jobs.json", "jobs.json.gz" }.Select(name => Path.Combine(folder, name)).First(File.Exists);
    }

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "Ingestor.sln")))
                return folder.FullName;
        throw new InvalidOperationException($"no Ingestor.sln above {AppContext.BaseDirectory}");
    }
}
