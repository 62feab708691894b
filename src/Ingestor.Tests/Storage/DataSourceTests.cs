using Dapper;
using Npgsql;
using Ingestor.Storage;
using Ingestor.Tests.Infrastructure;

namespace Ingestor.Tests.Storage;

public sealed class DataSourceTests(TestServers servers)
{
    [Theory]
    [InlineData("", 1)]
    [InlineData(";Max Auto Prepare=0", 0)]
    [InlineData(";maxautoprepare=0", 0)]
    public async Task AStatementRunAgainIsPreparedOnItsConnectionUnlessTheConnectionStringTurnsThatOff(string setting, int prepared)
    {
        await using var database = StorageRegistration.CreateDataSource(await servers.CreateEmptyDatabaseAsync() + setting);
        await using var connection = await database.OpenConnectionAsync(TestContext.Current.CancellationToken);

        for (var run = 0; run < 6; run++)
            Assert.Equal(run + 1, await connection.ExecuteScalarAsync<int>("select @Run + 1", new { Run = run }));

        Assert.Equal(prepared, await connection.QuerySingleAsync<int>(
            "select count(*)::int from pg_prepared_statements where statement = 'select $1 + 1'"));
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData(";Maximum Pool Size=9", 9)]
    public async Task APoolKeepsFewConnectionsUnlessTheConnectionStringSaysHowMany(string setting, int named)
    {
        // Waits a second, not fifteen, for a connection to come free.
        await using var database = StorageRegistration.CreateDataSource(await servers.CreateEmptyDatabaseAsync() + setting + ";Timeout=1");
        await AssertKeepsAtMostAsync(database, named > 0 ? named : StorageRegistration.DefaultMaxConnections);
    }

    [Fact]
    public async Task APoolOfAGivenSizeKeepsItWhateverTheConnectionStringSays()
    {
        await using var database = StorageRegistration.CreateDataSource(
            await servers.CreateEmptyDatabaseAsync() + ";Maximum Pool Size=9;Minimum Pool Size=5;Timeout=1", "archive", maxConnections: 2);
        await AssertKeepsAtMostAsync(database, 2);
    }

    private static async Task AssertKeepsAtMostAsync(NpgsqlDataSource database, int most)
    {
        var cancel = TestContext.Current.CancellationToken;
        var open = new List<NpgsqlConnection>();
        try
        {
            for (var index = 0; index < most; index++)
                open.Add(await database.OpenConnectionAsync(cancel));
            Assert.Equal(most, await open[0].QuerySingleAsync<int>("select count(*)::int from pg_stat_activity where datname = current_database()"));
            await Assert.ThrowsAsync<NpgsqlException>(async () => await database.OpenConnectionAsync(cancel));
        }
        finally
        {
            foreach (var connection in open)
                await connection.DisposeAsync();
        }
    }
}
