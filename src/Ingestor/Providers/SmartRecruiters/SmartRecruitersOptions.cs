using Ingestor.Providers.Http;

namespace Ingestor.Providers.SmartRecruiters;

/// <summary>
/// The <c>SmartRecruiters</c> section: <c>https://api.smartrecruiters.com</c> unless set, or a <c>file://</c> folder laid out
/// like the API (list pages as <c>v1/companies/{company}/postings.offset-{n}.json</c>, details as
/// <c>v1/companies/{company}/postings/{id}.json</c>).
/// </summary>
public sealed class SmartRecruitersOptions : ProviderHttpOptions
{
    public const string Section = "SmartRecruiters";

    public SmartRecruitersOptions() => BaseUrl = new Uri("https://api.smartrecruiters.com");

    protected override string SectionName => Section;
}
