using System.Buffers;
using System.Globalization;
using System.Text.RegularExpressions;
using Ingestor.Normalization.Titles;

namespace Ingestor.Normalization;

/// <summary>
/// How a job is held: full_time, part_time, contract, intern or temporary, or null when nothing says so.
/// Metadata is asked first, then markers in the title, then only explicit sentences in the description:
/// a word like "contract" in running text ("contract negotiations") is not evidence, and a guess is worse than a null.
/// </summary>
public static partial class EmploymentTypes
{
    public const string FullTime = "full_time";
    public const string PartTime = "part_time";
    public const string Contract = "contract";
    public const string Intern = "intern";
    public const string Temporary = "temporary";

    // When one source names several kinds ("Fixed Term" and "Full time" in Reddit's metadata, "full time contract role"),
    // the kind of engagement says more than the hours: a fixed-term full-time job is temporary.
    static readonly string[] MostTellingFirst = [Intern, Temporary, Contract, PartTime, FullTime];

    public static string? Classify(IEnumerable<KeyValuePair<string, string>> metadata, string title, string? descriptionText) =>
        Infer(metadata, title, descriptionText)?.Value;

    /// <summary>The kind with the confidence its source earns: 0.95 from a custom field, 0.85 from the title, 0.7 from a sentence.</summary>
    public static Inferred? Infer(IEnumerable<KeyValuePair<string, string>> metadata, string title, string? descriptionText) =>
        FromMetadata(metadata) is { } fromField ? new Inferred(fromField, 0.95, Provenance.Structured)
        : FromTitle(title) is { } fromTitle ? new Inferred(fromTitle, 0.85, Provenance.Derived)
        : descriptionText is not null && FromText(descriptionText) is { } fromText ? new Inferred(fromText, 0.7, Provenance.Text)
        : null;

    static string? FromMetadata(IEnumerable<KeyValuePair<string, string>> metadata)
    {
        var kinds = new List<string>();
        foreach (var (name, value) in metadata)
        {
            if (EmploymentField().IsMatch(name)) kinds.AddRange(KindsNamedIn(value));
            // A yes/no field named for one kind: "Internship?": "true".
            else if (MetadataValues.IsYes(value) && IsMarker(name)) kinds.AddRange(KindsNamedIn(name));
        }
        return MostTelling(kinds);
    }

    static string? FromTitle(string title)
    {
        var kinds = new List<string>();
        foreach (var segment in TitleText.Segments(title))
        {
            if (IsMarker(segment)) kinds.AddRange(KindsNamedIn(segment));
            else if (RoleWithKindPrefix().Match(segment) is { Success: true } prefixed && !IsContractsWork(prefixed)) kinds.Add(KindOf(prefixed));
            else if (ContractorRole().IsMatch(segment)) kinds.Add(Contract);
        }
        if (NamesInternRole(title)) kinds.Add(Intern);
        return MostTelling(kinds);
    }

    // Characters no explicit sentence holds (it is words, digits, spaces, hyphens and commas), nor what its lookahead reads.
    static readonly SearchValues<char> Stops = SearchValues.Create(".!?;:()[]\"/|");

    // Most descriptions name no kind at all, and those that do, in a sentence or two. The word every explicit sentence holds
    // is found far faster than the sentence, and a sentence never spans a stop: only the stretches between stops around such
    // a word are searched for one. A stop is no word character, as the start and end of a stretch are not, so each
    // stretch matches as it would in the whole text.
    static string? FromText(string text)
    {
        var kinds = new List<string>();
        var searchedTo = 0;
        foreach (var word in KindWord().EnumerateMatches(text))
        {
            if (word.Index < searchedTo) continue;
            var start = text.AsSpan(0, word.Index).LastIndexOfAny(Stops) + 1;
            var end = text.AsSpan(word.Index).IndexOfAny(Stops) is var stop and >= 0 ? word.Index + stop : text.Length;
            for (var match = ExplicitSentence().Match(text, start, end - start); match.Success; match = match.NextMatch())
                kinds.Add(KindOf(match));
            searchedTo = end;
        }
        return MostTelling(kinds);
    }

    /// <summary>A title part that says nothing but how the job is held: "(Contract)", "12 Month FTC", "Part-time", "20h/Woche".</summary>
    internal static bool IsMarker(string segment)
    {
        if (!Phrase().IsMatch(segment)) return false;
        var rest = MarkerFiller().Replace(Phrase().Replace(segment, " "), " ");
        return rest.All(c => char.IsWhiteSpace(c) || char.IsPunctuation(c));
    }

    /// <summary>Whether the title names an intern's role ("Summer Intern", "Software Engineer, Intern", "Werkstudent Data")
    /// rather than a role about interns ("Internship Program Manager", "Intern Recruiter").</summary>
    internal static bool NamesInternRole(string title) =>
        InternWord().IsMatch(title) || TitleText.Segments(title).Any(segment => CoopRole().IsMatch(segment));

    static IEnumerable<string> KindsNamedIn(string text)
    {
        foreach (Match match in Phrase().Matches(text))
        {
            if (match.Groups["hours"].Success)
            {
                // Hours are stated, not guessed: under 30 a week is part-time, 35 or more full-time, between is left open.
                var hours = int.Parse(match.Groups["h"].Value, CultureInfo.InvariantCulture);
                if (hours < 30) yield return PartTime;
                else if (hours >= 35) yield return FullTime;
            }
            else if (!match.Groups["agreement"].Success) yield return KindOf(match);
        }
    }

    static string KindOf(Match match) => MostTellingFirst.First(kind => match.Groups[kind].Success);

    static string? MostTelling(IEnumerable<string> kinds)
    {
        var found = kinds.ToHashSet();
        // Part-time and full-time together, and nothing else, is a choice left to the candidate, not a kind.
        if (found.SetEquals([PartTime, FullTime])) return null;
        return MostTellingFirst.FirstOrDefault(found.Contains);
    }

    // "Contract Designer" is a contract job; "Contract Manager" handles contracts.
    static bool IsContractsWork(Match prefixed) =>
        prefixed.Groups[Contract].Success && ContractsWorkNoun().IsMatch(prefixed.Groups["next"].Value);

    [GeneratedRegex(@"employment|job\s*type|time\s*type|worker\s*(sub[-\s]?)?type|contract\s*type|position\s*type|engagement|schedule|commitment|anstellung|beschäftigung|arbeitszeit|vertrag|contrat", RegexOptions.IgnoreCase)]
    private static partial Regex EmploymentField();

    // The words that name a kind wherever the source is already about employment (a metadata value, a title marker).
    // "Fixed-term contract" and "temporary contract" are temporary; a "permanent" or "employment" contract is the
    // agreement every employee signs, so those words are consumed and say nothing.
    [GeneratedRegex("""
        (?<temporary> \b(?:fixed[-\s]?term|temporary|temp|seasonal|limited[-\s]term)(?:[-\s]contract)?\b | \bftc\b | \bbefristet\w* | \binterim\b | \bcdd\b )
        | (?<agreement> \b(?:permanent|employment)[-\s]contract\b )
        | (?<contract> \bcontract(?:ors?)?(?:[-\s]to[-\s]hire)?\b | \bfreelance(?:rs?)?\b | \bfreiberuflich\w* )
        | (?<intern> \bintern(?:s|ships?)?\b | \bwerkstudent(?:in|en)?\b | \bworking[-\s]students?\b | \bpraktik(?:ant(?:in)?|um)\b | \bstagiaire\b | \bco-?op\b )
        | (?<part_time> \bpart[-\s]?time\b | \bteilzeit\b | \btemps\s+partiel\b )
        | (?<full_time> \bfull[-\s]?time\b | \bfte\b | \bvollzeit\b | \btemps\s+plein\b )
        | (?<hours> \b(?<h>[0-9]{1,2})\s*(?:h|hrs?|hours|std\.?|stunden)\s*(?:/|per|a|pro)\s*(?:w(?:ee)?k|woche)\b )
        """, RegexOptions.IgnoreCase | RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex Phrase();

    // Words that may stand beside a kind in a marker without making it a role: "(12 month fixed term contract)",
    // "Summer 2026 Internship", "Is this an internship?".
    [GeneratedRegex(@"\b(?:\d+[-\s]?(?:months?|monate?|weeks?|wochen|years?)|\d{4}|position|role|job|only|basis|employment|employee|summer|winter|spring|fall|autumn|and|or|is|this|an?)\b|[&/+]", RegexOptions.IgnoreCase)]
    private static partial Regex MarkerFiller();

    // "Contract Designer", "Part-time Barista", "Seasonal Associate": the kind as the first word of a role.
    [GeneratedRegex(@"^(?:(?<temporary>temporary|seasonal|fixed[-\s]term)|(?<contract>contract|freelance)|(?<part_time>part[-\s]?time)|(?<full_time>full[-\s]?time))\s+(?<next>\p{L}+)", RegexOptions.IgnoreCase)]
    private static partial Regex RoleWithKindPrefix();

    [GeneratedRegex(@"^(?:managers?|management|administrat\w+|specialist|analyst|negotiat\w+|counsel|attorney|lawyer|paralegal|coordinator|officer|associate|review\w*|operations|compliance|lifecycle|director|lead|strategist|advisor|consultant|pricing|assistant|clerk|drafter|desk|law)$", RegexOptions.IgnoreCase)]
    private static partial Regex ContractsWorkNoun();

    // "Independent Contractor", "Design Freelancer": the kind as the head of the role.
    [GeneratedRegex(@"\b(?:contractor|freelancer)$", RegexOptions.IgnoreCase)]
    private static partial Regex ContractorRole();

    // "internal", "international" and "internet" are not interns (the word boundary); a programme, a recruiter or a
    // coordinator for interns is not one either (the lookahead).
    [GeneratedRegex(@"\b(?:intern(?:s|ship)?|werkstudent(?:in)?|working\s+student|praktik(?:ant(?:in)?|um)|stagiaire)\b(?!\s+(?:programm?e?s?|recruit\w*|coordinator|manager|mentor|lead|partner|events?|experience))", RegexOptions.IgnoreCase)]
    private static partial Regex InternWord();

    // "Software Engineer Co-op" is a student placement; "Co-op Marketing Manager" runs cooperative marketing.
    [GeneratedRegex(@"\bco-?op$", RegexOptions.IgnoreCase)]
    private static partial Regex CoopRole();

    private const string Count = @"(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|twenty[-\s]four)";

    // Only sentences that state the kind of this job. "8+ years of full-time experience", "contract renewals" and
    // "our internship program" say nothing about it.
    [GeneratedRegex($$"""
        (?<intern>
            \bthis\s+is\s+an?\s+(?:(?:paid|unpaid|summer|full[-\s]?time|part[-\s]?time|{{Count}}[-\s](?:week|month)s?)\s+)*internship\b
          | \b{{Count}}[-\s](?:week|month)s?[-\s](?:(?:paid|summer)\s+)?internship\b
          | \bthis\s+internship\b )
        | (?<temporary>
            \b(?:{{Count}}[-\s](?:week|month|year)s?[-\s])?fixed[-\s]term\s+(?:contract|position|role|employment|basis)\b
          | \b{{Count}}[-\s](?:week|month|year)s?\s+ftc\b
          | \bthis\s+is\s+an?\s+(?:(?:full|part)[-\s]?time\s+)?(?:temporary|seasonal)\s+(?:position|role|job|assignment|contract)\b )
        | (?<contract>
            \b{{Count}}[-\s](?:week|month)s?(?:[-\s]long)?\s+(?:contract|freelance)\b(?!\s+(?:renewals?|negotiations?|values?|terms?|cycles?|lengths?|signing|reviews?))
          | \bthis\s+is\s+an?\s+(?:(?:full|part)[-\s]?time\s+|(?:short|long)[-\s]term\s+)?(?:contract(?:or)?|freelance)(?:[-\s]to[-\s]hire)?\s+(?:position|role|job|opportunity|engagement|assignment)\b
          | \bon\s+an?\s+(?:{{Count}}[-\s](?:week|month)s?\s+)?(?:freelance|contract(?:or)?)\s+basis\b )
        | (?<part_time>
            \bthis\s+is\s+an?\s+part[-\s]?time\s+(?:position|role|job|opportunity)\b
          | \bthis\s+(?:position|role|job)\s+is\s+(?:an?\s+)?part[-\s]?time\b )
        | (?<full_time>
            \bthis\s+is\s+an?\s+(?:permanent,?\s+)?full[-\s]?time\s+(?:position|role|job|opportunity)\b
          | \bthis\s+(?:position|role|job)\s+is\s+(?:an?\s+)?full[-\s]?time\b )
        """, RegexOptions.IgnoreCase | RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex ExplicitSentence();

    // A word each alternative of ExplicitSentence contains, matched with the same options.
    [GeneratedRegex(@"internship|fixed[-\s]term|ftc|temporary|seasonal|contract|freelance|part[-\s]?time|full[-\s]?time", RegexOptions.IgnoreCase)]
    private static partial Regex KindWord();
}
