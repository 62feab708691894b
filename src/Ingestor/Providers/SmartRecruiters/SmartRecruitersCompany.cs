using System.Text.RegularExpressions;

namespace Ingestor.Providers.SmartRecruiters;

/// <summary>
/// A SmartRecruiters company identifier, as in <c>jobs.smartrecruiters.com/{company}</c>, kept as SmartRecruiters spells it
/// (<c>BoschGroup</c>).
/// </summary>
internal static partial class SmartRecruitersCompany
{
    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")]
    private static partial Regex Shape();

    public static bool TryNormalize(string candidate, out string company, out string problem)
    {
        company = Uri.UnescapeDataString(candidate.Trim()).Trim();
        problem = Shape().IsMatch(company)
            ? ""
            : $"'{candidate.Trim()}' is not a SmartRecruiters company (the name in jobs.smartrecruiters.com/COMPANY, e.g. 'BoschGroup')";
        return problem.Length == 0;
    }
}
