using System.Globalization;
using Ingestor.Providers;

namespace Ingestor.Normalization;

/// <summary>
/// Lengths no real posting comes near: a title or a place of a megabyte is a broken or hostile payload, not a job. Such a job
/// is not read at all (the poll names it and is partial); what the board held of it stays as it was.
/// </summary>
internal static class FieldLimits
{
    public const int Title = 1_000;
    public const int Name = 1_000;
    public const int Location = 4_000;
    public const int Url = 8_000;

    public static void Check(SourceJob job)
    {
        Check("title", job.Title, Title);
        Check("company name", job.CompanyName, Name);
        Check("department", job.Department, Name);
        Check("team", job.Team, Name);
        Check("location", job.LocationText, Location);
        Check("source URL", job.SourceUrl, Url);
        Check("apply URL", job.ApplyUrl, Url);
    }

    private static void Check(string field, string? value, int limit)
    {
        if (value is { Length: var length } && length > limit)
            throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"its {field} is {length:N0} characters long (at most {limit:N0} are read)"));
    }
}
