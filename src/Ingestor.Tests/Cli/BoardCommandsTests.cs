using Ingestor.Cli;
using Ingestor.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;

namespace Ingestor.Tests.Cli;

/// <summary><c>--add-boards</c> and <c>--boards</c>, run as the built service.</summary>
public sealed class BoardCommandsTests(TestServers servers) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ingestor-boards-").FullName;

    private string WriteList(params string[] lines)
    {
        var path = Path.Combine(_folder, $"{Guid.NewGuid():N}.txt");
        File.WriteAllLines(path, lines);
        return path;
    }

    [Fact]
    public async Task AddBoardsRegistersTheGoodLinesReportsEachBadOneAndExitsOne()
    {
        await using var ingestor = await TestIngestor.StartAsync(servers);
        await ingestor.RegisterAsync("stripe");
        var list = WriteList("# our boards", "stripe", "fal  # fal.ai", "", "greenhouse:airbnb", "workday:acme", "not a token", "fal");

        var (exitCode, output, error) = await IngestorProcess.RunAsync(ingestor.Settings, "--add-boards", list);

        Assert.Equal(1, exitCode);
        Assert.Contains($"error: {list} line 6 'workday:acme': unknown provider 'workday' (known: ", error);
        Assert.Contains($"error: {list} line 7 'not a token': 'not a token' is not a board token", error);
        Assert.Contains($"{list}: 6 boards read, 2 registered new, 2 already known, 2 refused", output);
        Assert.Equal(["airbnb", "fal", "stripe"], await ingestor.QueryAsync<string>("select board_token from boards order by board_token"));
    }

    [Fact]
    public async Task AddingTheSameListAgainChangesNothingAndExitsZero()
    {
        await using var ingestor = await TestIngestor.StartAsync(servers);
        var tokens = Enumerable.Range(0, 6_000).Select(i => $"board-{i:0000}").ToArray();
        var list = WriteList(tokens);

        var first = await IngestorProcess.RunAsync(ingestor.Settings, "--add-boards", list);
        await ingestor.ScalarAsync<int>("update boards set enabled = false where board_token = 'board-0042'");
        var again = await IngestorProcess.RunAsync(ingestor.Settings, "--add-boards", list);

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("6000 boards read, 6000 registered new, 0 already known, 0 refused", first.Output);
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("6000 boards read, 0 registered new, 6000 already known, 0 refused", again.Output);
        Assert.Equal(6_000, await ingestor.ScalarAsync<int>("select count(*) from boards"));
        Assert.False(await ingestor.ScalarAsync<bool>("select enabled from boards where board_token = 'board-0042'"));
    }

    [Fact]
    public async Task AMissingListExitsTwo()
    {
        await using var ingestor = await TestIngestor.StartAsync(servers);
        var missing = Path.Combine(_folder, "missing.txt");

        var (exitCode, _, error) = await IngestorProcess.RunAsync(ingestor.Settings, "--add-boards", missing);

        Assert.Equal(2, exitCode);
        Assert.Contains($"error: no such file: {missing}", error);
    }

    [Fact]
    public async Task ADashReadsTheListFromStandardInput()
    {
        await using var ingestor = await TestIngestor.StartAsync(servers);
        var builder = Program.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(ingestor.Settings);
        var output = new StringWriter();

        var exitCode = await AddBoardsCommand.RunAsync(
            builder, "-", new StringReader("stripe\ngreenhouse:fal\n"), output, new StringWriter(), TestContext.Current.CancellationToken);

        Assert.Equal(0, exitCode);
        Assert.Equal("standard input: 2 boards read, 2 registered new, 0 already known, 0 refused", output.ToString().Trim());
        Assert.Equal(["fal", "stripe"], await ingestor.QueryAsync<string>("select board_token from boards order by board_token"));
    }

    [Fact]
    public async Task BoardsListsEveryBoardWithItsStateHealthAndNextPollAndASummary()
    {
        // Two 404s in a row confirm a board gone here, however close together.
        await using var ingestor = await TestIngestor.StartAsync(servers, settings: new Dictionary<string, string?>
        {
            ["Scheduling:GoneAfterFailures"] = "2",
            ["Scheduling:GoneAfter"] = "00:00:00",
        });
        ingestor.Greenhouse.Script("fal", Reply.Board("fal"));
        ingestor.Greenhouse.Script("gone", Reply.Error(404));
        ingestor.Greenhouse.Script("none", Reply.Json("""{"jobs":[],"meta":{"total":0}}"""));
        ingestor.Greenhouse.Script("refused", Reply.Error(403));
        foreach (var token in new[] { "fal", "gone", "gone", "none", "refused" })
            await ingestor.PollAsync(token);
        await ingestor.RegisterAsync("later");
        await ingestor.ScalarAsync<int>("update boards set enabled = false where board_token = 'later'");

        var (exitCode, output, _) = await IngestorProcess.RunAsync(ingestor.Settings, "--boards");

        Assert.Equal(0, exitCode);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(7, lines.Length);
        Assert.StartsWith("PROVIDER    TOKEN    ENABLED  STATE               LAST OUTCOME  FAILURES  LAST SUCCESS (UTC)   ACTIVE  NEXT POLL (UTC)", lines[0]);
        Assert.Matches(@"^greenhouse  fal      yes      ok                  succeeded            0  \d{4}-\d\d-\d\d \d\d:\d\d:\d\d       3  \d{4}-.* \(in (8|9|10|11)m \d+s\)$", lines[1]);
        Assert.Matches(@"^greenhouse  gone     yes      gone \(HTTP 404\)     failed               2  never                     0  \d{4}-.* \(in (17|18|19|20|21|22)m \d+s, backing off\)$", lines[2]);
        Assert.Equal("greenhouse  later    no       ok                  never polled         0  never                     0  -", lines[3]);
        Assert.Matches(@"^greenhouse  none     yes      empty               succeeded            0  \d{4}-", lines[4]);
        Assert.Matches(@"^greenhouse  refused  yes      blocked \(HTTP 403\)  failed               1  never                     0  \d{4}-.*, backing off\)$", lines[5]);
        Assert.Equal("5 boards, 4 enabled (1 ok, 1 empty, 1 blocked, 1 gone) | last outcome: 2 succeeded, 2 failed, 1 never polled", lines[6]);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
