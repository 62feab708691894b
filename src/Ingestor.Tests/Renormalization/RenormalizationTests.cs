using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Ingestor.Cli;
using Ingestor.Normalization;
using Ingestor.Providers;
using Ingestor.Renormalization;
using Ingestor.Tests.Infrastructure;

namespace Ingestor.Tests.Renormalization;

/// <summary>
/// <c>--renormalize</c> over postings a real poll stored from recorded boards of every provider, after the rows were left the
/// way an older parser would have left them: no version, no provenance, and a few fields read differently.
/// </summary>
public sealed class RenormalizationTests(TestServers servers)
{
    // Everything a re-derivation must give back or keep, per posting; inferred_at alone moves.
    private const string RowsSql =
        """
        select row(job_id, normalized_title, city, region, country, country_code, is_remote, workplace_type, remote_policy, department,
                   team, employment_type, salary_raw, salary_min, salary_max, salary_currency, salary_period, parsed - 'inferred_at',
                   content_hash, source_hash, last_changed_at, description_hash, repost_fingerprint)::text
        from posting_rows order by job_id
        """;

    // Rows written before parser version 2 lack their repost fingerprint too.
    private const string OlderParserSql = "update posting_rows set parsed = parsed - 'parser_version' - 'provenance', repost_fingerprint = null";

    private static Renormalizer RenormalizerOf(TestIngestor ingestor) =>
        new(ingestor.Database, ingestor.Get<PostingNormalizer>(), new StoredJobSource(ingestor.Get<ProviderCatalog>()), TimeProvider.System);

    private static Task<int> CurrentAsync(TestIngestor ingestor, string provider) => ingestor.ScalarAsync<int>(
        "select count(*)::int from posting_rows where provider = @provider and parsed->>'parser_version' = @version",
        new { provider, version = ParserVersion.Current.ToString() });

    [Fact]
    public async Task ARederivationRewritesExactlyTheFieldsAnOlderParserReadDifferentlyAndWritesNoEvent()
    {
        await using var ingestor = await TestIngestor.StartAsync(servers);
        await RecordedBoards.PollAsync(ingestor, RecordedBoards.All);
        var polled = await ingestor.QueryAsync<string>(RowsSql);
        var events = await ingestor.ScalarAsync<long>("select count(*) from job_events");
        var placed = await ingestor.ScalarAsync<string>("select min(job_id) from posting_rows where city is not null");
        var employed = await ingestor.ScalarAsync<string>(
            "select min(job_id) from posting_rows where employment_type is not null and job_id <> @placed", new { placed });
        var paid = await ingestor.ScalarAsync<string>(
            "select min(job_id) from posting_rows where salary_min is not null and job_id <> all(array[@placed, @employed])", new { placed, employed });

        await ingestor.ScalarAsync<int>(OlderParserSql);
        await ingestor.ScalarAsync<int>(
            """
            update posting_rows set city = 'Old Town', parsed = jsonb_set(parsed, '{location,city}', '"Old Town"') where job_id = @placed;
            update posting_rows set employment_type = null, parsed = parsed || '{"employment_type": null}' where job_id = @employed;
            update posting_rows set salary_min = salary_min - 1 where job_id = @paid
            """, new { placed, employed, paid });
        var (exitCode, output, error) = await IngestorProcess.RunAsync(ingestor.Settings, "--renormalize");

        Assert.True(exitCode == 0, output + error);
        Assert.Equal(
            $"postings: {polled.Count} re-derived with parser version {ParserVersion.Current}, " +
            "3 changed | by field: location 1, salary 1, employment_type 1, workplace_type 0, title 0, launch_scope 0, department 0, team 0",
            Regex.Replace(output.Split('\n').Single(line => line.StartsWith("postings: ", StringComparison.Ordinal)), @" in [\d.]+ s", ""));
        Assert.Matches($@"renormalized {polled.Count} of {polled.Count} postings \(\d+/s\)", output);
        Assert.Equal(polled, await ingestor.QueryAsync<string>(RowsSql));
        Assert.Equal(events, await ingestor.ScalarAsync<long>("select count(*) from job_events"));
    }

    [Fact]
    public async Task AKilledRunKeepsTheBatchesItCommittedAndTheNextRunDoesOnlyTheRest()
    {
        await using var ingestor = await TestIngestor.StartAsync(servers);
        foreach (var board in new[] { "stripe", "anthropic", "reddit" })
        {
            ingestor.Greenhouse.Script(board, Reply.Board(board));
            await ingestor.PollAsync(board);
        }
        var polled = await ingestor.QueryAsync<string>(RowsSql);
        var events = await ingestor.ScalarAsync<long>("select count(*) from job_events");
        await ingestor.ScalarAsync<int>(OlderParserSql);
        Assert.True(polled.Count > Renormalizer.DefaultBatchSize + 100);

        // A poll holding a posting of the second batch keeps that batch from committing until the run is killed.
        await using (var connection = await ingestor.Database.OpenConnectionAsync(TestContext.Current.CancellationToken))
        await using (var holding = await connection.BeginTransactionAsync(TestContext.Current.CancellationToken))
        {
            await Dapper.SqlMapper.ExecuteAsync(connection,
                "select 1 from posting_rows where job_id = (select job_id from posting_rows order by job_id offset @Offset limit 1) for update",
                new { Offset = Renormalizer.DefaultBatchSize + 50 }, holding);
            await using var run = IngestorProcess.Start(ingestor.Settings, "--renormalize");
            var firstBatch = $"renormalized {Renormalizer.DefaultBatchSize} of {polled.Count} postings";
            for (var waited = 0; !run.Output.Contains(firstBatch, StringComparison.Ordinal) && !run.HasExited && waited < 600; waited++)
                await Task.Delay(100, TestContext.Current.CancellationToken);
            Assert.Contains(firstBatch, run.Output);
            await Task.Delay(500, TestContext.Current.CancellationToken);
            await run.KillAsync();
        }

        Assert.Equal(Renormalizer.DefaultBatchSize, await CurrentAsync(ingestor, "greenhouse"));
        var (exitCode, output, error) = await IngestorProcess.RunAsync(ingestor.Settings, "--renormalize");

        Assert.True(exitCode == 0, output + error);
        var rest = polled.Count - Renormalizer.DefaultBatchSize;
        Assert.Contains($"renormalized {rest} of {rest} postings", output);
        Assert.Equal(polled, await ingestor.QueryAsync<string>(RowsSql));
        Assert.Equal(events, await ingestor.ScalarAsync<long>("select count(*) from job_events"));
    }

    [Fact]
    public async Task ANameTheBoardsHomeDecidesIsReDerivedAsTheLivePollReadIt()
    {
        await using var ingestor = await TestIngestor.StartAsync(servers);
        // Two postings in San Francisco make the board's home the US, where "Georgia" is the state, not the country.
        var board = BoardPayload.Of("fal").Edit(4012000002, job => job["location"] = new JsonObject { ["name"] = "Georgia" });
        ingestor.Greenhouse.Script("fal", board.Reply());
        await ingestor.PollAsync("fal");
        const string PlaceSql = "select coalesce(region, '-') || ' ' || country_code from posting_rows where provider_job_key = '4012000002'";
        Assert.Equal("GA US", await ingestor.ScalarAsync<string>(PlaceSql));

        await ingestor.ScalarAsync<int>(OlderParserSql);
        var report = await RenormalizerOf(ingestor).RunAsync([], batchSize: 100, batches: null, _ => { }, CancellationToken.None);

        Assert.Equal(3, report.Rederived);
        Assert.Equal("GA US", await ingestor.ScalarAsync<string>(PlaceSql));
    }

    [Fact]
    public async Task APostingAlreadyAtTheCurrentVersionIsLeftAsItIs()
    {
        await using var ingestor = await TestIngestor.StartAsync(servers);
        await RecordedBoards.PollAsync(ingestor, RecordedBoards.Lever);
        var inferredAt = await ingestor.QueryAsync<string>("select parsed->>'inferred_at' from posting_rows order by job_id");

        var report = await RenormalizerOf(ingestor).RunAsync([], batchSize: 100, batches: null, _ => { }, CancellationToken.None);

        Assert.Equal((0, 0), (report.Rederived, report.Unreadable.Count));
        Assert.Equal(inferredAt, await ingestor.QueryAsync<string>("select parsed->>'inferred_at' from posting_rows order by job_id"));
    }

    [Fact]
    public async Task ABoardNamedLimitsTheRederivationToItsPostings()
    {
        await using var ingestor = await TestIngestor.StartAsync(servers);
        await RecordedBoards.PollAsync(ingestor, RecordedBoards.Ashby, RecordedBoards.Lever);
        await ingestor.ScalarAsync<int>(OlderParserSql);

        var (exitCode, output, error) = await IngestorProcess.RunAsync(ingestor.Settings, "--renormalize", "--board", "lever:PLAID");

        Assert.True(exitCode == 0, output + error);
        Assert.Equal(await ingestor.ScalarAsync<int>("select count(*)::int from posting_rows where provider = 'lever'"), await CurrentAsync(ingestor, "lever"));
        Assert.Equal(0, await CurrentAsync(ingestor, "ashby"));
    }

    [Fact]
    public async Task ABoardNobodyRegisteredIsAClearErrorNotAStackTrace()
    {
        await using var ingestor = await TestIngestor.StartAsync(servers);

        var (exitCode, _, error) = await IngestorProcess.RunAsync(ingestor.Settings, "--renormalize", "--board", "lever:nosuchsite");

        Assert.Equal(IngestorCommandLine.UsageOrConfigurationError, exitCode);
        Assert.Equal("error: no board lever:nosuchsite is registered (--boards lists them)", error.Trim());
    }

    [Fact]
    public async Task ARunStoppedAfterABatchIsFinishedByTheNextWhichRederivesOnlyWhatWasLeft()
    {
        await using var ingestor = await TestIngestor.StartAsync(servers);
        await RecordedBoards.PollAsync(ingestor, RecordedBoards.Lever);
        await ingestor.ScalarAsync<int>(OlderParserSql);
        var postings = await ingestor.ScalarAsync<int>("select count(*)::int from posting_rows");
        var renormalizer = RenormalizerOf(ingestor);

        var stopped = await renormalizer.RunAsync([], batchSize: 10, batches: 1, _ => { }, CancellationToken.None);
        var doneByTheFirst = await CurrentAsync(ingestor, "lever");
        var resumed = await renormalizer.RunAsync([], batchSize: 10, batches: null, _ => { }, CancellationToken.None);

        Assert.Equal((10, 10), (stopped.Rederived, doneByTheFirst));
        Assert.Equal(postings - 10, resumed.Rederived);
        Assert.Equal(postings, await CurrentAsync(ingestor, "lever"));
    }

    [Fact]
    public async Task ASmartRecruitersPostingKeepsTheStructuredPayItsStoredListEntryCannotState()
    {
        await using var ingestor = await TestIngestor.StartAsync(servers);
        await RecordedBoards.PollAsync(ingestor, RecordedBoards.SmartRecruiters);
        var pay = await ingestor.QueryAsync<string>("select row(job_id, salary_raw, salary_min, salary_max, salary_period)::text from posting_rows order by job_id");
        var stated = await ingestor.ScalarAsync<int>("select count(*)::int from posting_rows where parsed->'provenance'->'salary'->>'source' = 'structured'");
        await ingestor.ScalarAsync<int>(OlderParserSql);

        var report = await RenormalizerOf(ingestor).RunAsync([], batchSize: 100, batches: null, _ => { }, CancellationToken.None);

        Assert.True(stated > 0);
        Assert.Equal(stated, report.PayKeptFromRow);
        Assert.Equal(0, report.ChangedByField.Single(field => field.Field == "salary").Postings);
        Assert.Equal(pay, await ingestor.QueryAsync<string>("select row(job_id, salary_raw, salary_min, salary_max, salary_period)::text from posting_rows order by job_id"));
    }

    [Theory]
    [InlineData(RecordedBoards.Greenhouse)]
    [InlineData(RecordedBoards.Ashby)]
    [InlineData(RecordedBoards.Lever)]
    [InlineData(RecordedBoards.SmartRecruiters)]
    public async Task EveryParsedAPollWritesNamesItsParserVersionAndWhereEachInferredFieldCameFrom(string board)
    {
        await using var ingestor = await TestIngestor.StartAsync(servers);
        await RecordedBoards.PollAsync(ingestor, board);

        var postings = await ingestor.ScalarAsync<int>("select count(*)::int from posting_rows");
        var described = await ingestor.ScalarAsync<int>(
            """
            select count(*)::int from posting_rows
            where parsed->>'parser_version' = @version
              and parsed->'provenance' ?& array['location', 'salary', 'employment_type', 'workplace_type', 'title', 'launch_scope', 'department', 'team']
              and not exists (
                  select from jsonb_each(parsed->'provenance') field
                  where field.value <> 'null'::jsonb
                    and (field.value->>'source' not in ('structured', 'text', 'derived') or field.value->>'parser_version' <> @version))
            """, new { version = ParserVersion.Current.ToString() });

        Assert.True(postings > 0);
        Assert.Equal(postings, described);
    }
}
