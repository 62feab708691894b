// Measures, on this machine, what Ingestor costs. Each part prints a table; none is a test.
//   dotnet run -c Release --project src/Ingestor.Benchmarks                    every part below
//   dotnet run -c Release --project src/Ingestor.Benchmarks -- normalization   each normalization stage per posting (no database)
//   dotnet run -c Release --project src/Ingestor.Benchmarks -- polls           whole polls of one big board, with round trips
//   dotnet run -c Release --project src/Ingestor.Benchmarks -- farm            sweeps of 1,000 × 50 boards and 6,000 heavy-tailed ones
//   dotnet run -c Release --project src/Ingestor.Benchmarks -- farm 1000x50    (or farm mix) one farm only
//   dotnet run -c Release --project src/Ingestor.Benchmarks -- serving         the read API's requests per second over stripe
//   dotnet run -c Release --project src/Ingestor.Benchmarks -- renormalize     postings re-derived per second (--renormalize) over stripe × 10
//   dotnet run -c Release --project src/Ingestor.Benchmarks -- replay          --replay's payloads and postings per second
// Throwaway PostgreSQL servers (durable, fsync on) and folder archives under the system's temporary folder; nothing leaves the machine.
using System.IO.Compression;
using Ingestor.Benchmarks;
using Ingestor.Benchmarks.Farm;

var part = args.FirstOrDefault() ?? "all";
if (part is not ("all" or "normalization" or "polls" or "farm" or "serving" or "renormalize" or "replay"))
{
    Console.Error.WriteLine("usage: Ingestor.Benchmarks [normalization | polls | farm [1000x50 | mix] | serving | renormalize | replay]");
    return 2;
}

var repository = FindRepository();
var stripe = Decompress(Path.Combine(repository, "samples/greenhouse/v1/boards/stripe/jobs.json.gz"));
var work = Directory.CreateTempSubdirectory("ingestor-bench-").FullName;
// Readable by others, so that a server run as the postgres account keeps its data in here and goes when the folder goes.
if (!OperatingSystem.IsWindows())
    File.SetUnixFileMode(work, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute |
                               UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
try
{
    if (part is "all" or "normalization")
        NormalizationBenchmark.Run(stripe, Console.Out);
    if (part is "all" or "polls")
        await PollBenchmark.RunAsync(stripe, Path.Combine(work, "polls"));
    if (part is "all" or "renormalize")
        await RenormalizeBenchmark.RunAsync(stripe, Path.Combine(work, "renormalize"));
    if (part is "all" or "replay")
        await ReplayBenchmark.RunAsync(stripe, Path.Combine(work, "replay"));
    var service = part is "all" or "farm" or "serving" ? await ServicePublish.ReadyToRunAsync(repository, Path.Combine(work, "service")) : "";
    if (part is "all" or "serving")
        await ServingBenchmark.RunAsync(stripe, Path.Combine(work, "serving"), service);
    if (part is "all" or "farm")
    {
        var only = args.ElementAtOrDefault(1);
        if (only is null or "1000x50")
            await FarmBenchmark.RunAsync(stripe, FarmBenchmark.Uniform(1000, 50), work, service);
        if (only is null or "mix")
            await FarmBenchmark.RunAsync(stripe, FarmBenchmark.HeavyTailed(6000, 166_000, largest: 547), work, service);
    }
    return 0;
}
finally
{
    Directory.Delete(work, recursive: true);
}

static string FindRepository()
{
    for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        if (File.Exists(Path.Combine(folder.FullName, "Ingestor.sln")))
            return folder.FullName;
    throw new InvalidOperationException("run from within the repository");
}

static byte[] Decompress(string path)
{
    using var gzip = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
    using var bytes = new MemoryStream();
    gzip.CopyTo(bytes);
    return bytes.ToArray();
}
