using System.Collections.Concurrent;
using System.Diagnostics;
using Npgsql;

namespace Ingestor.Tests.Infrastructure;

/// <summary>
/// Counts the commands Npgsql sends to one database (each is one round trip, whatever it holds), from the traces Npgsql
/// emits; other tests' databases are not counted.
/// </summary>
public sealed class DatabaseCommands : IDisposable
{
    private readonly ActivityListener _listener;
    private readonly ConcurrentQueue<string> _commands = new();

    public DatabaseCommands(string connectionString)
    {
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database;
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = activity =>
            {
                if (activity.TagObjects.Any(tag => tag.Value as string == database))
                    _commands.Enqueue(activity.GetTagItem("db.query.text") as string ?? activity.DisplayName);
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    /// <summary>The text of each command sent, in order.</summary>
    public IReadOnlyList<string> Sent => [.. _commands];

    public void Clear() => _commands.Clear();

    public void Dispose() => _listener.Dispose();
}
