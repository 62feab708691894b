using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ingestor.Serving;

/// <summary>
/// The shapes of the API's ids: a job_id is 40 lowercase hex digits (SHA-1 of provider|board|job key), org and source ids
/// are UUIDs. An id of the wrong shape is the client's mistake (400), told apart from a well-formed id nobody has (404).
/// </summary>
internal static class RecordIds
{
    public static bool IsJobId(string value) => value.Length == 40 && value.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');

    public static bool TryParseUuid(string value, out Guid id) => Guid.TryParseExact(value, "D", out id);

    public static ProblemHttpResult Malformed(string name, string shape) => TypedResults.Problem(
        statusCode: StatusCodes.Status400BadRequest, title: $"Malformed {name}", detail: $"{name} must be {shape}.");

    public static ProblemHttpResult Unknown(string name, string value) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound, title: $"Unknown {name}", detail: $"No record has {name} {value}.");

    public const string JobIdShape = "40 lowercase hexadecimal characters";

    public const string UuidShape = "a UUID such as 00cad292-f66b-476d-a9f7-2cd97898a6d0";
}
