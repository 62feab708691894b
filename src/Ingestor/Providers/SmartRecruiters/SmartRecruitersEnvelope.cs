using System.Buffers;
using System.Net;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Unicode;

namespace Ingestor.Providers.SmartRecruiters;

/// <summary>
/// One poll of a SmartRecruiters board as one archived object: every list page and every detail exactly as received, and
/// every request that failed.
/// <code>
/// {"provider":"smartrecruiters","company":"AcmeSynthetic",
///  "pages":[{"offset":0,"body":{…the page as received…}},…],
///  "failed_pages":[{"offset":20,"status":503,"problem":"HTTP 503"}],
///  "details":{"743999500000000":{…the detail as received…},…},
///  "failed_details":[{"id":"743999500000007","status":null,"problem":"no response"}]}
/// </code>
/// Bodies are embedded as JSON values, byte for byte, so the archive stays readable with any JSON tool and as small as its
/// responses; a body that is not JSON cannot be embedded and is recorded as a failure instead. The envelope holds no
/// timestamps and lists pages by offset and details by id, so an unchanged board gives the same bytes poll after poll.
/// </summary>
public static class SmartRecruitersEnvelope
{
    public const string Provider = "smartrecruiters";

    // A page's body sits three levels down in the envelope, whose reader stops at 64.
    private const int MaxBodyDepth = 61;

    public static byte[] Build(string company, IEnumerable<ListPageFetch> pages, IEnumerable<DetailFetch> details)
    {
        var output = new ArrayBufferWriter<byte>(16 * 1024);
        using (var writer = new Utf8JsonWriter(output))
        {
            writer.WriteStartObject();
            writer.WriteString("provider", Provider);
            writer.WriteString("company", company);

            var (pagesRead, pagesFailed) = Split(pages.OrderBy(p => p.Offset), p => (p.Status, p.Body));
            writer.WriteStartArray("pages");
            foreach (var page in pagesRead)
            {
                writer.WriteStartObject();
                writer.WriteNumber("offset", page.Offset);
                writer.WritePropertyName("body");
                writer.WriteRawValue(JsonBody(page.Body), skipInputValidation: true);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteStartArray("failed_pages");
            foreach (var (page, problem) in pagesFailed)
            {
                writer.WriteStartObject();
                writer.WriteNumber("offset", page.Offset);
                WriteFailure(writer, page.Status, problem);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();

            // A detail asked for twice is kept once: the first answer that could be read.
            var (detailsRead, detailsFailed) = Split(details.OrderBy(d => d.Id, StringComparer.Ordinal), d => (d.Status, d.Body));
            var readIds = detailsRead.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
            writer.WriteStartObject("details");
            foreach (var detail in detailsRead.DistinctBy(d => d.Id))
            {
                writer.WritePropertyName(detail.Id);
                writer.WriteRawValue(JsonBody(detail.Body), skipInputValidation: true);
            }
            writer.WriteEndObject();
            writer.WriteStartArray("failed_details");
            foreach (var (detail, problem) in detailsFailed.Where(d => !readIds.Contains(d.Fetch.Id)).DistinctBy(d => d.Fetch.Id))
            {
                writer.WriteStartObject();
                writer.WriteString("id", detail.Id);
                WriteFailure(writer, detail.Status, problem);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        return output.WrittenSpan.ToArray();
    }

    /// <summary>
    /// The envelope of a list walk with the details of some of its postings added: its pages, as received, and its failures
    /// stay as they were.
    /// </summary>
    public static byte[] WithDetails(ReadOnlyMemory<byte> envelope, IEnumerable<DetailFetch> details)
    {
        using var document = JsonDocument.Parse(envelope);
        var root = document.RootElement;
        var pages = new List<ListPageFetch>();
        foreach (var page in root.GetProperty("pages").EnumerateArray())
            pages.Add(new ListPageFetch(page.GetProperty("offset").GetInt32(), HttpStatusCode.OK, JsonMarshal.GetRawUtf8Value(page.GetProperty("body")).ToArray()));
        foreach (var failed in root.GetProperty("failed_pages").EnumerateArray())
            pages.Add(new ListPageFetch(failed.GetProperty("offset").GetInt32(), StatusOf(failed), NotJson));
        return Build(root.GetProperty("company").GetString()!, pages, details);
    }

    // A failure read back from an envelope: its status, or none; a 200 whose body was not JSON keeps that reason.
    private static HttpStatusCode? StatusOf(JsonElement failed) =>
        failed.GetProperty("status").ValueKind == JsonValueKind.Number ? (HttpStatusCode)failed.GetProperty("status").GetInt32() : null;

    private static readonly byte[] NotJson = "not JSON"u8.ToArray();

    /// <summary>Why a response cannot stand in the envelope as received, or null when it can.</summary>
    private static string? ProblemOf(HttpStatusCode? status, byte[] body) =>
        status is null ? "no response"
        : (int)status is < 200 or >= 300 ? $"HTTP {(int)status}"
        : !IsJson(JsonBody(body)) ? "the body is not JSON"
        : null;

    private static (List<T> Read, List<(T Fetch, string Problem)> Failed) Split<T>(IEnumerable<T> fetches, Func<T, (HttpStatusCode?, byte[])> response)
    {
        var (read, failed) = (new List<T>(), new List<(T, string)>());
        foreach (var fetch in fetches)
        {
            var (status, body) = response(fetch);
            if (ProblemOf(status, body) is { } problem) failed.Add((fetch, problem));
            else read.Add(fetch);
        }
        return (read, failed);
    }

    private static void WriteFailure(Utf8JsonWriter writer, HttpStatusCode? status, string problem)
    {
        if (status is { } code) writer.WriteNumber("status", (int)code);
        else writer.WriteNull("status");
        writer.WriteString("problem", problem);
    }

    // A byte order mark is not JSON and says nothing about the content; it is the one part of a body that is not kept.
    private static ReadOnlySpan<byte> JsonBody(byte[] body) =>
        body.AsSpan().StartsWith("\uFEFF"u8) ? body.AsSpan(3) : body;

    private static bool IsJson(ReadOnlySpan<byte> body)
    {
        // The reader passes bytes that are not UTF-8 inside strings; the envelope's parser would refuse the whole poll for them.
        if (!Utf8.IsValid(body)) return false;
        try
        {
            var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = MaxBodyDepth });
            if (!reader.Read()) return false;
            reader.Skip();
            // One value, nothing after it but white space: the reader throws on anything else when asked for more.
            return !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
