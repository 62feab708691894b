using System.Text.RegularExpressions;

namespace Ingestor.Normalization.Titles;

/// <summary>
/// Reads seniority and level out of a title's parts. A seniority word leaves the title only when it becomes the
/// <see cref="NormalizedTitle.Seniority"/>; a word that cannot be resolved ("Senior / Staff") stays where it was, so nothing
/// is lost. Management words ("Manager", "Director", "Head of", "Lead") are the role's head noun and never leave the title.
/// </summary>
internal static partial class TitleSeniority
{
    // The individual ladder, lowest first: in a stack like "Senior Staff" the higher word wins.
    static readonly string[] IndividualLadder =
        [Seniorities.Intern, Seniorities.Junior, Seniorities.Mid, Seniorities.Senior, Seniorities.Lead, Seniorities.Staff, Seniorities.Principal];

    static readonly string[] ManagementLadder =
        [Seniorities.Lead, Seniorities.Manager, Seniorities.Director, Seniorities.Vp, Seniorities.Executive];

    public static (List<TitlePiece> Pieces, string? Seniority) Extract(List<TitlePiece> pieces, bool namesInternRole)
    {
        var modifiers = pieces.Select((piece, i) => ModifiersOf(piece, isRole: i == 0)).ToList();
        var management = pieces.Select(piece => ManagementHead(TitleText.OutsideBrackets(piece.Text))).OfType<string>()
            .OrderByDescending(kind => Array.IndexOf(ManagementLadder, kind)).FirstOrDefault();

        if (namesInternRole)
            return (Without(pieces, modifiers, kind => kind == Seniorities.Intern), Seniorities.Intern);
        if (management is not null)
            return (pieces, management);
        var found = modifiers.SelectMany(read => read.Kinds).ToList();
        // "Senior / Staff Software Engineer" is open at two levels: naming one would be a guess.
        if (found.Count == 0 || modifiers.Any(read => read.AreAlternatives))
            return (pieces, null);
        var seniority = found.MaxBy(kind => Array.IndexOf(IndividualLadder, kind));
        return (Without(pieces, modifiers, _ => true), seniority);
    }

    /// <summary>"Software Engineer II" → "II"; also "L5", "E5", "IC4", "Level 3", "(L5)", ", L5" and a trailing single digit.</summary>
    public static (List<TitlePiece> Pieces, string? Level) ExtractLevel(List<TitlePiece> pieces)
    {
        var standalone = pieces.FindIndex(piece => LevelPart().IsMatch(piece.Text));
        if (standalone >= 0 && pieces.Count > 1)
            return (pieces.Where((_, i) => i != standalone).ToList(), pieces[standalone].Text);

        if (pieces.Count == 0 || TrailingLevel().Match(pieces[0].Text) is not { Success: true } trailing) return (pieces, null);
        var role = pieces[0] with { Text = pieces[0].Text[..trailing.Index] + trailing.Groups["brackets"].Value };
        return ([role, .. pieces.Skip(1)], Regex.Replace(trailing.Groups["level"].Value, @"\s+", " "));
    }

    sealed record Modifiers(IReadOnlyList<string> Kinds, int Length, bool AreAlternatives, bool IsWholePiece);

    static readonly Modifiers None = new([], 0, false, false);

    // The role's own leading words ("Senior Software Engineer") or a part that is nothing but seniority
    // ("Software Engineer, Intern", "Senior, Business Risk"). A part that ends in "Lead" is a lead's role ("Senior Lead"), not a modifier.
    static Modifiers ModifiersOf(TitlePiece piece, bool isRole)
    {
        var text = piece.Text;
        var kinds = new List<string>();
        var alternatives = false;
        var position = 0;
        while (LeadingModifier().Match(text, position) is { Success: true } word && !IsExcluded(word, text))
        {
            kinds.Add(IndividualLadder.First(kind => word.Groups[kind].Success));
            alternatives |= word.Groups["gap"].Value.Contains('/');
            position = word.Index + word.Length;
        }
        var isWholePiece = TitleText.OutsideBrackets(text[position..]).Length == 0;
        if (kinds.Count == 0 || (isWholePiece && kinds[^1] == Seniorities.Lead) || (!isWholePiece && !isRole)) return None;
        return new(kinds, position, alternatives, isWholePiece);
    }

    // "Lead Generation", "Senior Living", "Staff Accountant" (an entry-level accountant) and "Associate Director"
    // (a director's deputy) use the word for something other than the individual ladder.
    static bool IsExcluded(Match word, string text)
    {
        var next = NextWord().Match(text, word.Index + word.Length).Value;
        return (word.Groups[Seniorities.Lead].Success && LeadNotSeniority().IsMatch(next))
            || (word.Groups[Seniorities.Senior].Success && SeniorNotSeniority().IsMatch(next))
            || (word.Groups[Seniorities.Staff].Success && StaffNotSeniority().IsMatch(next))
            || (word.Value.StartsWith("associate", StringComparison.OrdinalIgnoreCase) && AssociateNotSeniority().IsMatch(next));
    }

    // Takes the modifiers chosen by keep-or-drop out of the title. A part that was only modifiers goes; its bracket
    // groups ("New Grad (Mexico)") move to the part before it.
    static List<TitlePiece> Without(List<TitlePiece> pieces, List<Modifiers> modifiers, Func<string, bool> drop)
    {
        var kept = new List<TitlePiece>();
        for (var i = 0; i < pieces.Count; i++)
        {
            var read = modifiers[i];
            var piece = pieces[i];
            if (read.Kinds.Count == 0 || !read.Kinds.All(drop)) { kept.Add(piece); continue; }
            var rest = piece.Text[read.Length..].Trim();
            if (read.IsWholePiece && kept.Count > 0) kept[^1] = kept[^1] with { Text = $"{kept[^1].Text} {rest}".Trim() };
            else if (rest.Length > 0) kept.Add(piece with { Text = rest });
        }
        return kept.Count > 0 ? kept : pieces;
    }

    static string? ManagementHead(string part) =>
        Executive().IsMatch(part) ? Seniorities.Executive
        : VicePresident().IsMatch(part) ? Seniorities.Vp
        : Director().IsMatch(part) || HeadOf().IsMatch(part) ? Seniorities.Director
        : PeopleManager().IsMatch(part) ? Seniorities.Manager
        : LeadRole().IsMatch(part) ? Seniorities.Lead
        : null;

    [GeneratedRegex(@"\G(?:(?<intern>intern)|(?<junior>junior|jr\.?|entry[-\s]level|new\s+grad(?:uate)?|associate)|(?<mid>mid[-\s]?level|intermediate)|(?<senior>senior|sr\.?)|(?<lead>lead)|(?<staff>staff)|(?<principal>principal|distinguished))\+?(?<gap>\s*/\s*|\s+|$)", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingModifier();

    [GeneratedRegex(@"\G\p{L}*")]
    private static partial Regex NextWord();

    [GeneratedRegex(@"^(?:generation|gen|qualification|development)$", RegexOptions.IgnoreCase)]
    private static partial Regex LeadNotSeniority();

    [GeneratedRegex(@"^(?:living|care|citizens?|housing)$", RegexOptions.IgnoreCase)]
    private static partial Regex SeniorNotSeniority();

    [GeneratedRegex(@"^(?:accountant|accounting|auditor|nurse|pharmacist|physician|attorney|writer|assistant|sergeant|photographer|augmentation)$", RegexOptions.IgnoreCase)]
    private static partial Regex StaffNotSeniority();

    [GeneratedRegex(@"^(?:director|vice|vp|president|principal|partner|general|professor|dean)$", RegexOptions.IgnoreCase)]
    private static partial Regex AssociateNotSeniority();

    // "Chief Compliance Officer", "CFO"; "Chief of Staff" runs an executive's office and is not one.
    [GeneratedRegex(@"^(?:chief\b(?!\s+of\b)|president\b|(?:CEO|CTO|CFO|COO|CMO|CIO|CISO|CPO|CRO|CDO|CSO|CCO)$)", RegexOptions.IgnoreCase)]
    private static partial Regex Executive();

    [GeneratedRegex(@"\b(?:vice\s+president|s?vp|evp|avp)\b", RegexOptions.IgnoreCase)]
    private static partial Regex VicePresident();

    // An art, creative or video director directs the work, not an organisation.
    [GeneratedRegex(@"(?<!\b(?:art|creative|video|film|casting|music(?:al)?|photo(?:graphy)?)\s+)\bdirector\b", RegexOptions.IgnoreCase)]
    private static partial Regex Director();

    [GeneratedRegex(@"\bhead\s+of\b", RegexOptions.IgnoreCase)]
    private static partial Regex HeadOf();

    // A manager of people: "Manager, Sales Development", "Senior Manager", "Engineering Manager". "Product Manager",
    // "Program Manager" and "Account Manager" are individual roles, so only these named kinds count.
    [GeneratedRegex(@"^(?:(?:senior|sr\.?)\s+)?manager\b|\b(?:senior|sr\.?)\s+manager\b|\b(?:engineering|engineer|science|research|design|team|people|general)\s+manager\b", RegexOptions.IgnoreCase)]
    private static partial Regex PeopleManager();

    [GeneratedRegex(@"\blead$|\b(?:team|tech|technical)\s+lead\b", RegexOptions.IgnoreCase)]
    private static partial Regex LeadRole();

    private const string LevelToken = @"I{1,3}|IV|V|VI|L\d{1,2}|E\d{1,2}|IC\s?\d{1,2}|M\d|P\d|(?i:level)\s+\d{1,2}";

    [GeneratedRegex($@"^(?:{LevelToken})$")]
    private static partial Regex LevelPart();

    [GeneratedRegex($@"\s+(?:(?<level>{LevelToken}|[1-9])|\((?<level>{LevelToken})\))(?<brackets>(?:\s*\([^()]*\))*)$")]
    private static partial Regex TrailingLevel();
}
