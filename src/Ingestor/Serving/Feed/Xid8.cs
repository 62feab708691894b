using System.Data;
using Dapper;
using Npgsql;
using NpgsqlTypes;

namespace Ingestor.Serving.Feed;

/// <summary>A transaction id bound as PostgreSQL's <c>xid8</c>: Npgsql reads one as a ulong but takes no ulong by DbType.</summary>
internal readonly record struct Xid8(ulong Value) : SqlMapper.ICustomQueryParameter
{
    public void AddParameter(IDbCommand command, string name) =>
        command.Parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.Xid8) { Value = Value });
}
