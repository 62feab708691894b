using System.Runtime.Versioning;
using Ingestor.Storage;
using Npgsql;

namespace Ingestor.Tests.Storage;

public sealed class LocalPostgresTests
{
    [Fact]
    [SupportedOSPlatform("linux")]
    public async Task AThrowawayServerStartsEvenWhereThePostgresAccountCannotReachTheFolderAskedFor()
    {
        var privateFolder = Directory.CreateTempSubdirectory("ingestor-private-");
        File.SetUnixFileMode(privateFolder.FullName, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var asked = Path.Combine(privateFolder.FullName, ".local", "postgres");
        string used;
        try
        {
            await using var server = await LocalPostgres.StartAsync(asked, durable: false, TestContext.Current.CancellationToken);
            used = server.DataDirectory;
            await using var connection = new NpgsqlConnection(server.ConnectionString);
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            Assert.Equal("ingestor", connection.Database);
        }
        finally
        {
            privateFolder.Delete(recursive: true);
        }

        // As root the server runs as the postgres account, which cannot enter a folder only root may enter.
        if (Environment.UserName == "root")
        {
            Assert.StartsWith(Path.Combine(Path.GetTempPath(), "ingestor-postgres-"), used);
            Directory.Delete(used, recursive: true);
        }
        else
        {
            Assert.Equal(asked, used);
        }
    }
}
