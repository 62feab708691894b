using System.Runtime.CompilerServices;
using Dapper;

namespace Ingestor.Storage;

internal static class DapperConventions
{
    // snake_case columns map onto PascalCase members without an alias in every query.
    [ModuleInitializer]
    internal static void MatchSnakeCaseColumns() => DefaultTypeMap.MatchNamesWithUnderscores = true;
}
