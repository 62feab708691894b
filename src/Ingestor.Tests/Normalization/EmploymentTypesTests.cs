using Ingestor.Normalization;

namespace Ingestor.Tests.Normalization;

public sealed class EmploymentTypesTests
{
    static KeyValuePair<string, string> Field(string name, string value) => new(name, value);

    static string? FromTitle(string title) => EmploymentTypes.Classify([], title, null);

    static string? FromText(string text) => EmploymentTypes.Classify([], "Software Engineer", text);

    [Theory]
    [InlineData("Employment Type", "Full-time", "full_time")]
    [InlineData("Employment Type", "FTE", "full_time")]
    [InlineData("Job Type", "Part Time", "part_time")]
    [InlineData("Employment", "Contractor", "contract")]
    [InlineData("Employment Type", "Contract to hire", "contract")]
    [InlineData("Employment Type", "Fixed Term", "temporary")]
    [InlineData("Employment Type", "Internship", "intern")]
    [InlineData("Employment Type", "Werkstudent", "intern")]
    [InlineData("Time Type", "Full time", "full_time")]
    [InlineData("Worker Sub-Type", "Fixed Term", "temporary")]
    [InlineData("Type de contrat", "Temps partiel", "part_time")]
    public void AnEmploymentFieldNamesTheKind(string name, string value, string expected) =>
        Assert.Equal(expected, EmploymentTypes.Classify([Field(name, value)], "Software Engineer", null));

    [Fact]
    public void RedditsFixedTermFullTimeEmployeeIsTemporary() =>
        Assert.Equal("temporary", EmploymentTypes.Classify(
            [Field("Worker Type", "Employee"), Field("Worker Sub-Type", "Fixed Term"), Field("Time Type", "Full time")],
            "Lead Physical Security Engineer", null));

    [Fact]
    public void RedditsRegularEmployeeIsFullTime() =>
        Assert.Equal("full_time", EmploymentTypes.Classify(
            [Field("Worker Type", "Employee"), Field("Worker Sub-Type", "Regular"), Field("Time Type", "Full time")], "Software Engineer", null));

    [Fact]
    public void AYesNoFieldNamedForAKindCountsWhenYes()
    {
        Assert.Equal("intern", EmploymentTypes.Classify([Field("Internship", "true")], "Software Engineer", null));
        Assert.Null(EmploymentTypes.Classify([Field("Internship", "false")], "Software Engineer", null));
    }

    [Fact]
    public void FieldsThatAreNotAboutEmploymentAreIgnored() =>
        Assert.Null(EmploymentTypes.Classify(
            [Field("Management Level", "Contractor"), Field("Is this job part of ACC?", "true"), Field("Scheduled Weekly Hours", "40.0")],
            "Software Engineer", null));

    [Fact]
    public void PermanentAndRegularSayNothingAboutHours() =>
        Assert.Null(EmploymentTypes.Classify([Field("Employment Type", "Permanent"), Field("Worker Sub-Type", "Regular")], "Software Engineer", null));

    [Fact]
    public void PartTimeOrFullTimeIsLeftOpen() =>
        Assert.Null(EmploymentTypes.Classify([Field("Employment Type", "Full-time, Part-time")], "Software Engineer", null));

    [Fact]
    public void MetadataIsAskedBeforeTheTitle() =>
        Assert.Equal("part_time", EmploymentTypes.Classify([Field("Employment Type", "Part-time")], "Werkstudent Data (20h/Woche)", null));

    [Fact]
    public void TheTitleIsAskedBeforeTheText() =>
        Assert.Equal("contract", EmploymentTypes.Classify([], "Designer <Contract>", "This is a full-time position."));

    [Theory]
    [InlineData("Intern, Software Engineering", "intern")]
    [InlineData("Software Engineer, Intern", "intern")]
    [InlineData("Summer Intern", "intern")]
    [InlineData("Accounting Intern, Statutory Reporting", "intern")]
    [InlineData("Werkstudent Data (20h/Woche)", "intern")]
    [InlineData("Software Engineer Co-op", "intern")]
    [InlineData("Contract Designer", "contract")]
    [InlineData("Designer <Contract>", "contract")]
    [InlineData("[Contract] Recruiter, Legal", "contract")]
    [InlineData("Senior Growth Manager (Contract)", "contract")]
    [InlineData("Community Manager - French speaker (contract)", "contract")]
    [InlineData("Freelance Writer", "contract")]
    [InlineData("Independent Contractor", "contract")]
    [InlineData("Customer Support Specialist (Part-time)", "part_time")]
    [InlineData("Data Analyst (20h/week)", "part_time")]
    [InlineData("Account Executive (12 Month FTC)", "temporary")]
    [InlineData("Compliance Manager (12 month fixed term contract)", "temporary")]
    [InlineData("GTM Recruiter, AMER (Fixed Term)", "temporary")]
    [InlineData("Seasonal Associate", "temporary")]
    public void AMarkerInTheTitleNamesTheKind(string title, string expected) =>
        Assert.Equal(expected, FromTitle(title));

    [Theory]
    [InlineData("Internal Audit Data Analytics Lead")]
    [InlineData("International Accounting Manager")]
    [InlineData("Internship Program Manager")]
    [InlineData("University Recruiting Manager")]
    [InlineData("Contracts Manager")]
    [InlineData("Contract Manager")]
    [InlineData("Contracting Operations Specialist")]
    [InlineData("Software Engineer - Smart Contract, Bridge")]
    [InlineData("Full Stack Engineer, Billing")]
    [InlineData("Co-op Marketing Manager")]
    [InlineData("Customer Success (Hourly)")]
    [InlineData("Staff Engineer")]
    public void ATitleWithoutAMarkerSaysNothing(string title) =>
        Assert.Null(FromTitle(title));

    [Theory]
    [InlineData("This is a full-time position based in Singapore.", "full_time")]
    [InlineData("This is a full-time role for a candidate based in the UAE.", "full_time")]
    [InlineData("This role is part-time, 20 hours a week.", "part_time")]
    [InlineData("The engagement is a 12-month contract with a possible extension.", "contract")]
    [InlineData("This is a full time contract role, with potential for extension.", "contract")]
    [InlineData("Initially on a 11-month fixed term contract, this role will…", "temporary")]
    [InlineData("It will start off as a 12-month FTC with the potential for conversion.", "temporary")]
    [InlineData("Join the team for a full-time, 6-month internship starting in April.", "intern")]
    [InlineData("What do you hope to gain from this internship?", "intern")]
    public void AnExplicitSentenceInTheTextNamesTheKind(string text, string expected) =>
        Assert.Equal(expected, FromText(text));

    [Theory]
    [InlineData("Own contract renewals and lead commercial negotiations.")]
    [InlineData("Experience with contract negotiations and vendor management.")]
    [InlineData("Manage 12-month contract renewals across the portfolio.")]
    [InlineData("8+ years of full-time software development experience.")]
    [InlineData("Work closely with internal teams and international partners.")]
    [InlineData("Our internship program will provide an opportunity to work on meaningful projects.")]
    [InlineData("Note: if you are an intern or new grad applicant, please do not apply using this link.")]
    [InlineData("Reduce contractor dependency through intelligent automation.")]
    [InlineData("Build smart contract monitoring systems.")]
    public void AStrayWordInTheTextSaysNothing(string text) =>
        Assert.Null(FromText(text));

    // Only the stretches between stops (".", ":", "(" …) around a kind's word are searched: a sentence is found in any of
    // them, however many come before it, and never across a stop, as reading the whole text finds it.
    [Theory]
    [InlineData("Benefits: we pay well (and more). We value full-time focus; really! This is a contract position, remote.", "contract")]
    [InlineData("This is a part-time role. Later on, this is a 6-month internship.", "intern")]
    [InlineData("Full-time staff: 40. Interns: 3.\nThis role is\npart-time", "part_time")]
    [InlineData("This is a: full-time role.", null)]
    [InlineData("This is a (full-time) role. Full-time.", null)]
    [InlineData("This is a contract. Position open now.", null)]
    public void ASentenceIsReadWhereverItStandsButNeverAcrossAStop(string text, string? expected) =>
        Assert.Equal(expected, FromText(text));

    [Fact]
    public void HoursInFullWidthDigitsAreReadAndOtherScriptsDoNotThrow()
    {
        Assert.Equal("part_time", EmploymentTypes.Classify([], "Data Analyst (２０h/week)", null));
        Assert.Null(EmploymentTypes.Classify([Field("Employment Type", "٢٠h/week")], "Data Analyst", null));
    }

    [Fact]
    public void NothingAnywhereIsNull() =>
        Assert.Null(EmploymentTypes.Classify([], "Product Designer", "Design things. Salary: €55,000 - €65,000 per year"));

    [Theory]
    [MemberData(nameof(NormalizedTitleTests.RecordedTitles), MemberType = typeof(NormalizedTitleTests))]
    public void EveryRecordedTitleClassifiesWithoutThrowing(string title) =>
        Assert.True(FromTitle(title) is null or "full_time" or "part_time" or "contract" or "intern" or "temporary");
}
