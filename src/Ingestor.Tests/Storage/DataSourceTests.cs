using Dapper;
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
}
