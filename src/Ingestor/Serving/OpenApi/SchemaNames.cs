using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.OpenApi;

namespace Ingestor.Serving.OpenApi;

/// <summary>
/// A type nested in a record or class is named after it too (<c>OrgRecordBoard</c>, not <c>Board</c>), so two records
/// with a part of the same name never share a schema or get a numbered name that depends on the order endpoints were mapped.
/// A static class, such as an endpoint group, is only a container and adds nothing.
/// </summary>
internal static class SchemaNames
{
    public static string? ReferenceId(JsonTypeInfo type)
    {
        var name = OpenApiOptions.CreateDefaultSchemaReferenceId(type);
        return name is not null && type.Type.DeclaringType is { IsAbstract: false } outer ? outer.Name + name : name;
    }
}
