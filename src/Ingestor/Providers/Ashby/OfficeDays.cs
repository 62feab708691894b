using System.Globalization;
using System.Text.RegularExpressions;
using Ingestor.Normalization;

namespace Ingestor.Providers.Ashby;

/// <summary>
/// The workplace a description states as days in the office: "requires presence in our San Francisco office location 4 days
/// per week" is hybrid, "… in our Kansas City, MO Data Center 5 days per week" is onsite. Boards that leave Ashby's
/// <c>workplaceType</c> unset say it this way, and their <c>isRemote</c> is true for office jobs too.
/// </summary>
internal static partial class OfficeDays
{
    public static string? WorkplaceOf(string? description)
    {
        if (description is null || Requirement().Match(description) is not { Success: true } match)
            return null;
        var most = match.Groups["most"].Success ? match.Groups["most"].Value : match.Groups["days"].Value;
        return int.Parse(most, CultureInfo.InvariantCulture) >= 5 ? WorkplaceTypes.Onsite : WorkplaceTypes.Hybrid;
    }

    // A place of work ("our … office", "the … data center") and a count of days a week in one sentence.
    [GeneratedRegex(@"\b(?:presence|work|working|be|based)\s+(?:in|from|at)\s+(?:our|the)\s[^.;\n]{0,80}?\b(?:office|data\s*center|site|location|hub)s?\b[^.;\n]{0,60}?\b(?<days>[1-7])(?:\s*[–-]\s*(?<most>[1-7]))?\s+days?\s+(?:per|a|each|every)\s+week", RegexOptions.IgnoreCase)]
    private static partial Regex Requirement();
}
