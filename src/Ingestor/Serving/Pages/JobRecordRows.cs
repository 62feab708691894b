using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Ingestor.Serving.Pages;

/// <summary>
/// The full job record as a table: every plain field of <see cref="JobRecord"/> in the order and under the name the API
/// serializes it (job_id, labelled "Job ID"), read from the serializer's own contract so the table and
/// <c>GET /job-postings/v1/jobs/{job_id}</c> cannot drift apart. The structured fields are the page's JSON blocks.
/// </summary>
internal static class JobRecordRows
{
    private static readonly JsonTypeInfo Contract = new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
    }.GetTypeInfo(typeof(JobRecord));

    private static readonly HashSet<string> Acronyms = ["id", "url", "uri"];

    public static IReadOnlyList<FieldRow> Of(JobRecord job) =>
    [
        .. from property in Contract.Properties
           let value = property.Get!(job)
           let text = Plain(value)
           where text is not null
           select new FieldRow(Label(property.Name), text, property.Name.EndsWith("_url", StringComparison.Ordinal) ? PageText.WebAddress(value as string) : null, property.Name),
    ];

    private static string? Plain(object? value) => value switch
    {
        null => PageText.Missing,
        string text => PageText.Text(text),
        bool flag => PageText.YesNo(flag),
        decimal number => PageText.Number(number),
        DateTime time => PageText.Time(time),
        Guid id => id.ToString(),
        _ => null,
    };

    private static string Label(string field) =>
        string.Join(' ', field.Split('_').Select(word => Acronyms.Contains(word) ? word.ToUpperInvariant() : char.ToUpperInvariant(word[0]) + word[1..]));
}
