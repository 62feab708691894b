using Ingestor.Normalization.Titles;
using Ingestor.Normalization;

namespace Ingestor.Tests.Normalization;

public sealed class NormalizedTitleTests
{
    // Real titles from the recorded boards (Stripe, Anthropic, Reddit, Airbnb) and the synthetic ones, each checked by
    // hand: raw title → Title, Seniority, Level.
    static readonly (string Raw, string Title, string? Seniority, string? Level)[] HandChecked =
    [
        ("Senior Software Engineer, Backend", "Software Engineer, Backend", "senior", null),
        ("Staff Engineer", "Engineer", "staff", null),
        ("Engineering Manager", "Engineering Manager", "manager", null),
        ("Intern, Software Engineering", "Software Engineering", "intern", null),
        ("Software Engineer, Intern", "Software Engineer", "intern", null),
        ("Accounting Intern, Statutory Reporting", "Accounting Intern, Statutory Reporting", "intern", null),
        ("Werkstudent Data (20h/Woche)", "Werkstudent Data", "intern", null),
        ("Backend-Entwickler (m/w/d)", "Backend-Entwickler", null, null),
        ("Designer <Contract>", "Designer", null, null),
        ("日本語サポート担当", "日本語サポート担当", null, null),
        ("Senior Staff Software Engineer, API", "Software Engineer, API", "staff", null),
        ("Sr. Staff Data Scientist - Ads Measurement, Signals, Privacy", "Data Scientist - Ads Measurement, Signals, Privacy", "staff", null),
        ("Staff+ Software Engineer, Observability", "Software Engineer, Observability", "staff", null),
        ("Senior+ Software Engineer, Research Tools", "Software Engineer, Research Tools", "senior", null),
        ("Senior / Staff Software Engineer, Continuous Integration", "Senior / Staff Software Engineer, Continuous Integration", null, null),
        ("Senior Principal Program Manager, GTM Excellence", "Program Manager, GTM Excellence", "principal", null),
        ("Principal Engineer, iOS Performance", "Engineer, iOS Performance", "principal", null),
        ("Lead Physical Security Engineer", "Physical Security Engineer", "lead", null),
        ("Senior Lead, Marketing Science Partnerships & Insights", "Senior Lead, Marketing Science Partnerships & Insights", "lead", null),
        ("Global People Support - Team Lead", "Global People Support - Team Lead", "lead", null),
        ("Senior, Business Risk & AI Automation", "Business Risk & AI Automation", "senior", null),
        ("Senior Engineering Manager, Unified Embeddings Platform ", "Senior Engineering Manager, Unified Embeddings Platform", "manager", null),
        ("Sr. Manager, Large Customer Sales (Big Box Retail)", "Senior Manager, Large Customer Sales (Big Box Retail)", "manager", null),
        ("Manager, Sales Development - APAC", "Manager, Sales Development", "manager", null),
        ("Technical Program Manager, Manager ", "Technical Program Manager, Manager", "manager", null),
        ("Senior Product Manager, GTM Automation", "Product Manager, GTM Automation", "senior", null),
        ("Product Manager, Global Expansion (MENA)", "Product Manager, Global Expansion", null, null),
        ("Director of Engineering, Developer Productivity", "Director of Engineering, Developer Productivity", "director", null),
        ("Senior Director of Product, Ads Platform", "Senior Director of Product, Ads Platform", "director", null),
        ("Head of Finance Operations", "Head of Finance Operations", "director", null),
        ("Art Director ", "Art Director", null, null),
        ("Chief Compliance Officer (APAC)", "Chief Compliance Officer", "executive", null),
        ("Account Executive, Mid Market - UKI", "Account Executive, Mid Market", null, null),
        ("Mid-Market Account Executive, High Tech", "Mid-Market Account Executive, High Tech", null, null),
        ("Executive Engagement Lead, Office of the CRO", "Executive Engagement Lead, Office of the CRO", "lead", null),
        ("Associate Legal Counsel, Japan", "Legal Counsel, Japan", "junior", null),
        ("Associate Principal, SOX Analytics", "Associate Principal, SOX Analytics", null, null),
        ("Operations Associate, New Grad (Mexico)", "Operations Associate (Mexico)", "junior", null),
        ("Software Engineer, New Grad, Developer & End User Experience Platform", "Software Engineer, Developer & End User Experience Platform", "junior", null),
        ("Account Executive (12 Month FTC)", "Account Executive", null, null),
        ("Compliance Manager (12 month fixed term contract)", "Compliance Manager", null, null),
        ("GTM Recruiter, AMER (Fixed Term)", "GTM Recruiter", null, null),
        ("[Contract] Recruiter, Legal", "Recruiter, Legal", null, null),
        ("Community Manager - French speaker (contract)", "Community Manager - French speaker", null, null),
        ("Staff Software Engineer , Observability", "Software Engineer, Observability", "staff", null),
        ("Claims Experience Specialist(Japanese and English Speaking)", "Claims Experience Specialist (Japanese and English Speaking)", null, null),
        ("Seller Systems Operations Associate,  (Night Shift)", "Seller Systems Operations Associate (Night Shift)", null, null),
        ("Engineering Manager – Product Monetization, Billing Platform", "Engineering Manager - Product Monetization, Billing Platform", "manager", null),
        ("Partner Development Manager- SaaS Platforms", "Partner Development Manager - SaaS Platforms", null, null),
        ("Senior Software Engineer, Systems\u00a0", "Software Engineer, Systems", "senior", null),
        (" Research Engineer / Research Scientist, Tokens", "Research Engineer / Research Scientist, Tokens", null, null),
        ("Software Engineer - Smart Contract, Bridge", "Software Engineer - Smart Contract, Bridge", null, null),
        ("Internal Audit Lead, Stablecoins & Digital Assets", "Internal Audit Lead, Stablecoins & Digital Assets", "lead", null),
        ("Services Consultant - Scaled Professional Services (SEA/GCN)", "Services Consultant - Scaled Professional Services", null, null),
        ("Animateur·trice de formation", "Animateur·trice de formation", null, null),
        ("Chef de l’Approvisionnement en Logements, Canada", "Chef de l’Approvisionnement en Logements, Canada", null, null),
    ];

    public static TheoryData<string, string, string?, string?> HandCheckedTitles => new(HandChecked);

    public static TheoryData<string> RecordedTitles => new(HandChecked.Select(row => row.Raw));

    [Theory]
    [MemberData(nameof(HandCheckedTitles))]
    public void EveryHandCheckedRecordedTitleNormalizesAsChecked(string raw, string title, string? seniority, string? level) =>
        Assert.Equal(new NormalizedTitle(title, seniority, level), NormalizedTitle.Normalize(raw));

    [Theory]
    [MemberData(nameof(RecordedTitles))]
    public void EveryRecordedTitleKeepsSomeTitleAndAKnownSeniority(string raw)
    {
        var normalized = NormalizedTitle.Normalize(raw);
        Assert.NotEmpty(normalized.Title);
        Assert.True(normalized.Seniority is null or "intern" or "junior" or "mid" or "senior" or "lead" or "staff" or "principal"
            or "manager" or "director" or "vp" or "executive");
    }

    [Theory]
    [InlineData("  Senior   Data\tEngineer  ", "Data Engineer")]
    [InlineData("Backend-Entwickler (w/m/d)", "Backend-Entwickler")]
    [InlineData("Product Designer (f/m/x)", "Product Designer")]
    [InlineData("Data Engineer (all genders)", "Data Engineer")]
    [InlineData("Backend-Entwickler m/w/d", "Backend-Entwickler")]
    [InlineData("Data Engineer (R12345)", "Data Engineer")]
    [InlineData("Data Engineer [JR-2024-01]", "Data Engineer")]
    [InlineData("Data Engineer (Req #4411)", "Data Engineer")]
    [InlineData("Data Engineer JR-2024-01", "Data Engineer")]
    [InlineData("🚀 Data Engineer 🚀", "Data Engineer")]
    [InlineData("Data Engineer!!!", "Data Engineer")]
    [InlineData("Data Engineer -- Payments", "Data Engineer - Payments")]
    [InlineData("C++ Developer", "C++ Developer")]
    [InlineData("Data Engineer (Remote)", "Data Engineer")]
    [InlineData("Data Engineer - Hybrid", "Data Engineer")]
    [InlineData("Data Engineer (Remote, US)", "Data Engineer")]
    [InlineData("Data Engineer - Remote - Ontario, Canada", "Data Engineer")]
    [InlineData("Remote - Data Engineer", "Data Engineer")]
    [InlineData("Data Engineer, EMEA", "Data Engineer")]
    [InlineData("Data Engineer (Part-time)", "Data Engineer")]
    [InlineData("Summer Intern (2026)", "Summer Intern (2026)")]
    [InlineData("Remote Sensing Scientist", "Remote Sensing Scientist")]
    [InlineData("Hybrid Cloud Engineer", "Hybrid Cloud Engineer")]
    [InlineData("Account Executive, Public Sector - India", "Account Executive, Public Sector - India")]
    public void NoiseGoesAndTheRoleStays(string raw, string title) =>
        Assert.Equal(title, NormalizedTitle.Normalize(raw).Title);

    [Fact]
    public void APlaceThePostingIsInGoesFromTheEnd()
    {
        Assert.Equal("Research Engineer, Pretraining Scaling",
            NormalizedTitle.Normalize("Research Engineer, Pretraining Scaling - London", ["London", "United Kingdom"]).Title);
        Assert.Equal("Research Engineer, Pretraining Scaling - London",
            NormalizedTitle.Normalize("Research Engineer, Pretraining Scaling - London").Title);
    }

    [Theory]
    [InlineData("Software Engineer II", "Software Engineer", "II")]
    [InlineData("Senior Software Engineer III, Payments", "Software Engineer, Payments", "III")]
    [InlineData("Software Engineer L5", "Software Engineer", "L5")]
    [InlineData("Software Engineer (L5)", "Software Engineer", "L5")]
    [InlineData("Software Engineer, E5", "Software Engineer", "E5")]
    [InlineData("Data Scientist IC4", "Data Scientist", "IC4")]
    [InlineData("Data Scientist Level 3", "Data Scientist", "Level 3")]
    [InlineData("Software Development Engineer 2", "Software Development Engineer", "2")]
    [InlineData("Head of AI", "Head of AI", null)]
    [InlineData("Account Executive, Enterprise Platforms, Tier 2 Grower", "Account Executive, Enterprise Platforms, Tier 2 Grower", null)]
    public void ALevelMarkerIsReadOutAsWritten(string raw, string title, string? level)
    {
        var normalized = NormalizedTitle.Normalize(raw);
        Assert.Equal(title, normalized.Title);
        Assert.Equal(level, normalized.Level);
    }

    [Theory]
    [InlineData("Junior Developer", "Developer", "junior")]
    [InlineData("Jr. Developer", "Developer", "junior")]
    [InlineData("Entry-Level Analyst", "Analyst", "junior")]
    [InlineData("Mid-Level Developer", "Developer", "mid")]
    [InlineData("Distinguished Engineer", "Engineer", "principal")]
    [InlineData("VP of Engineering", "VP of Engineering", "vp")]
    [InlineData("Senior Vice President, Sales", "Senior Vice President, Sales", "vp")]
    [InlineData("Head of Design", "Head of Design", "director")]
    [InlineData("Associate Director, Finance", "Associate Director, Finance", "director")]
    [InlineData("Chief of Staff", "Chief of Staff", null)]
    [InlineData("Product Manager", "Product Manager", null)]
    [InlineData("Staff Accountant", "Staff Accountant", null)]
    [InlineData("Lead Generation Specialist", "Lead Generation Specialist", null)]
    [InlineData("Account Executive", "Account Executive", null)]
    [InlineData("Summer Intern", "Summer Intern", "intern")]
    public void SeniorityComesFromASmallClosedVocabulary(string raw, string title, string? seniority)
    {
        var normalized = NormalizedTitle.Normalize(raw);
        Assert.Equal(title, normalized.Title);
        Assert.Equal(seniority, normalized.Seniority);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("(m/w/d)")]
    [InlineData("Senior")]
    [InlineData("🚀")]
    [InlineData("((((")]
    [InlineData(", - |")]
    public void DegenerateTitlesDoNotThrow(string raw) =>
        Assert.NotNull(NormalizedTitle.Normalize(raw));
}
