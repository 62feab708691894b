using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ingestor.Serving.Slices;

/// <summary>
/// Reads a query string strictly: each parameter given once, not empty, and of its type. Reading a parameter is what makes it
/// known, so <see cref="RefuseUnknown"/> after the reads refuses every other one by name. The first mistake becomes the
/// <see cref="Problem"/> (400, naming the parameter) and later reads give null, so a caller reads everything, then looks once.
/// </summary>
internal sealed class QueryParameters(IQueryCollection query)
{
    // ISO 8601 only: a date (midnight UTC), or a date and time in UTC unless it carries its offset.
    private static readonly string[] TimeFormats =
        ["yyyy'-'MM'-'dd", "yyyy'-'MM'-'dd'T'HH':'mm':'ssK", "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'FFFFFFFK"];

    private const string TimeShape =
        "an ISO 8601 date or time such as 2026-05-01 or 2026-05-01T12:00:00Z (without an offset it is UTC; write + in an offset as %2B)";

    private readonly List<string> _known = [];

    public ProblemHttpResult? Problem { get; private set; }

    /// <summary>The value as given, or null when the parameter is absent.</summary>
    public string? Text(string name)
    {
        _known.Add(name);
        if (Problem is not null || !query.TryGetValue(name, out var values))
            return null;
        if (values.Count > 1)
            return Refuse<string>(BadRequest($"Repeated {name}", $"{name} is given {values.Count} times; give it once."));
        if (string.IsNullOrWhiteSpace(values[0]))
            return Refuse<string>(BadRequest($"Empty {name}", $"{name} is empty; leave it out to not filter by it."));
        return values[0];
    }

    public Guid? Uuid(string name) =>
        Text(name) is { } text ? RecordIds.TryParseUuid(text, out var id) ? id : Malformed<Guid?>(name, RecordIds.UuidShape) : null;

    public string? OneOf(string name, IEnumerable<string> allowed) =>
        Text(name) is { } text ? allowed.Contains(text, StringComparer.Ordinal) ? text : Malformed<string>(name, $"one of {string.Join(", ", allowed)}") : null;

    /// <summary>A code of ASCII letters (a country or currency code), upper-cased as stored.</summary>
    public string? Code(string name, int letters, string example) =>
        Text(name) is { } text
            ? text.Length == letters && text.All(char.IsAsciiLetter) ? text.ToUpperInvariant() : Malformed<string>(name, $"{letters} letters such as {example}")
            : null;

    public bool? Boolean(string name) =>
        Text(name) is { } text ? bool.TryParse(text, out var value) ? value : Malformed<bool?>(name, "true or false") : null;

    public decimal? Amount(string name) =>
        Text(name) is { } text
            ? decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) ? value : Malformed<decimal?>(name, "a number such as 100000 or 52.5")
            : null;

    public int? WholeNumber(string name, int min, int max) =>
        Text(name) is { } text
            ? int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
                ? value
                : Malformed<int?>(name, $"a whole number from {min} to {max}")
            : null;

    /// <summary>A point in time, as UTC.</summary>
    public DateTimeOffset? Time(string name) =>
        Text(name) is { } text
            ? DateTimeOffset.TryParseExact(text, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value)
                ? value
                : Malformed<DateTimeOffset?>(name, TimeShape)
            : null;

    /// <summary>Records a problem found in a value by its reader (the first problem stays the one reported).</summary>
    public T Refuse<T>(ProblemHttpResult problem)
    {
        Problem ??= problem;
        return default!;
    }

    /// <summary>After every read: a parameter nobody read is one the endpoint does not take.</summary>
    public void RefuseUnknown()
    {
        if (JobPostingsApi.UnknownQueryProblem(query, [.. _known]) is { } unknown)
            Refuse<object>(unknown);
    }

    public static ProblemHttpResult BadRequest(string title, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: title, detail: detail);

    private T Malformed<T>(string name, string shape) => Refuse<T>(RecordIds.Malformed(name, shape));
}
