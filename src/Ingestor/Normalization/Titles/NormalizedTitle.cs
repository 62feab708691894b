using System.Text.RegularExpressions;

namespace Ingestor.Normalization.Titles;

/// <summary>
/// A job title in a comparable form: noise removed, seniority and level read out. The posting keeps its original title
/// elsewhere; this is what titles are grouped and compared by. "Senior Software Engineer II, Backend (Remote)" becomes
/// Title "Software Engineer, Backend", Seniority "senior", Level "II".
/// </summary>
public sealed partial record NormalizedTitle(string Title, string? Seniority, string? Level)
{
    public static NormalizedTitle Normalize(string rawTitle) => Normalize(rawTitle, []);

    /// <param name="rawTitle">The title as the board wrote it.</param>
    /// <param name="placeNames">Place names from the posting's own location ("London", "United Kingdom"): a trailing
    /// "- London" is removed only when the posting says it is in London.</param>
    public static NormalizedTitle Normalize(string rawTitle, IReadOnlyCollection<string> placeNames)
    {
        var cleaned = TitleText.Clean(rawTitle);
        var pieces = WithoutNoisePieces(TitleText.Pieces(WithoutNoiseGroups(cleaned, placeNames)), placeNames);
        var (ranked, seniority) = TitleSeniority.Extract(pieces, EmploymentTypes.NamesInternRole(cleaned));
        var (levelled, level) = TitleSeniority.ExtractLevel(ranked);
        var title = Tidy(TitleText.Join(levelled));
        return new(title.Length > 0 ? title : cleaned, seniority, level);
    }

    // "(m/w/d)", "[JR-2024-01]", "(Remote, US)", "(Contract)", "(EMEA)". Innermost groups first, so "(Remote (US))" goes too.
    static string WithoutNoiseGroups(string title, IReadOnlyCollection<string> placeNames)
    {
        var text = title;
        for (var previous = ""; previous != text;)
        {
            previous = text;
            text = TitleText.BracketGroup().Replace(text,
                group => TitleNoise.IsNoise(group.Groups["content"].Value, placeNames) ? " " : group.Value);
        }
        text = TitleNoise.WithoutBareTrailingNoise(TitleText.Clean(text));
        return text.Length > 0 ? text : title;
    }

    // A workplace marker after the role ends the title: what follows it is where ("Engineer - Remote - Ontario, Canada").
    // Other noise goes only from the ends, where it cannot be part of the role ("Account Executive, Public Sector - EMEA").
    static List<TitlePiece> WithoutNoisePieces(List<TitlePiece> pieces, IReadOnlyCollection<string> placeNames)
    {
        var workplace = pieces.Count > 1 ? pieces.FindIndex(1, piece => WorkplaceTypes.FromMarker(piece.Text) is not null) : -1;
        var kept = workplace > 0 ? pieces.GetRange(0, workplace) : [.. pieces];
        while (kept.Count > 1 && TitleNoise.IsNoise(kept[^1].Text, placeNames)) kept.RemoveAt(kept.Count - 1);
        while (kept.Count > 1 && TitleNoise.IsNoise(kept[0].Text, placeNames)) kept.RemoveAt(0);
        return kept;
    }

    static string Tidy(string title) =>
        TitleText.Clean(Junior().Replace(Senior().Replace(title, "Senior"), "Junior"));

    // What stays of a seniority word is spelled out, so "Sr. Manager" and "Senior Manager" compare equal.
    [GeneratedRegex(@"\bSr\b\.?(?=\s|$)", RegexOptions.IgnoreCase)]
    private static partial Regex Senior();

    [GeneratedRegex(@"\bJr\b\.?(?=\s|$)", RegexOptions.IgnoreCase)]
    private static partial Regex Junior();
}

/// <summary>
/// The closed set of <see cref="NormalizedTitle.Seniority"/> values. Individual ladder: intern, junior (also Associate,
/// Entry-Level, New Grad), mid, senior, lead, staff, principal (also Distinguished). Management: lead (a team or function
/// lead, "Product Lead", "Team Lead"), manager (a manager of people only: "Engineering Manager", "Manager, Sales";
/// "Product Manager" has no seniority), director (also "Head of …": the head of a function sits at director level more
/// often than at a team lead's), vp, executive ("Chief … Officer", "CEO", "President").
/// </summary>
public static class Seniorities
{
    public const string Intern = "intern";
    public const string Junior = "junior";
    public const string Mid = "mid";
    public const string Senior = "senior";
    public const string Lead = "lead";
    public const string Staff = "staff";
    public const string Principal = "principal";
    public const string Manager = "manager";
    public const string Director = "director";
    public const string Vp = "vp";
    public const string Executive = "executive";
}
