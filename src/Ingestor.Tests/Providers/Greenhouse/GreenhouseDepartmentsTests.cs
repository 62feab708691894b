using Ingestor.Providers.Greenhouse;

namespace Ingestor.Tests.Providers.Greenhouse;

public sealed class GreenhouseDepartmentsTests
{
    // The synthetic fal board's two departments.
    static readonly GreenhouseDepartmentRef Engineering = new(4006994009, "Engineering", null);
    static readonly GreenhouseDepartmentRef DeveloperRelations = new(4006994010, "Developer Relations", 4006994009);

    [Fact]
    public void NoDepartmentsIsUnknown() =>
        Assert.Equal(new DepartmentPath(null, null), DepartmentPath.FromGreenhouse([]));

    [Fact]
    public void ATopLevelDepartmentHasNoTeam() =>
        Assert.Equal(new DepartmentPath("Engineering", null), DepartmentPath.FromGreenhouse([Engineering]));

    [Fact]
    public void AChildListedWithItsParentIsTheTeam()
    {
        Assert.Equal(new DepartmentPath("Engineering", "Developer Relations"), DepartmentPath.FromGreenhouse([Engineering, DeveloperRelations]));
        Assert.Equal(new DepartmentPath("Engineering", "Developer Relations"), DepartmentPath.FromGreenhouse([DeveloperRelations, Engineering]));
    }

    [Fact]
    public void AChildWhoseParentIsNotListedIsTheDepartment() =>
        Assert.Equal(new DepartmentPath("Developer Relations", null), DepartmentPath.FromGreenhouse([DeveloperRelations]));

    [Fact]
    public void StripesOneDepartmentWithAnAbsentParentIsTheDepartmentAsNamed() =>
        Assert.Equal(new DepartmentPath("1150 Solutions Architecture", null),
            DepartmentPath.FromGreenhouse([new(78780, "1150 Solutions Architecture", 81959)]));

    [Fact]
    public void TheMostSpecificListedDepartmentIsTheTeam()
    {
        var platform = new GreenhouseDepartmentRef(2, "Platform", Engineering.Id);
        var storage = new GreenhouseDepartmentRef(3, "Storage", platform.Id);
        Assert.Equal(new DepartmentPath("Engineering", "Storage"), DepartmentPath.FromGreenhouse([platform, Engineering, storage]));
    }

    [Fact]
    public void WithUnrelatedDepartmentsTheFirstListedDecides()
    {
        var sales = new GreenhouseDepartmentRef(7, "Sales", null);
        Assert.Equal(new DepartmentPath("Sales", null), DepartmentPath.FromGreenhouse([sales, Engineering, DeveloperRelations]));
        Assert.Equal(new DepartmentPath("Engineering", "Developer Relations"), DepartmentPath.FromGreenhouse([DeveloperRelations, sales, Engineering]));
    }

    [Fact]
    public void NamesAreTrimmedAndBlankNamesAreIgnored() =>
        Assert.Equal(new DepartmentPath("Engineering", null),
            DepartmentPath.FromGreenhouse([new(1, "  ", null), new(Engineering.Id, " Engineering ", null)]));

    [Fact]
    public void AChildNamedLikeItsParentIsNotATeam() =>
        Assert.Equal(new DepartmentPath("Engineering", null),
            DepartmentPath.FromGreenhouse([Engineering, new(5, "engineering", Engineering.Id)]));

    [Fact]
    public void AParentCycleInTheDataEndsTheChain()
    {
        var a = new GreenhouseDepartmentRef(1, "A", 2);
        var b = new GreenhouseDepartmentRef(2, "B", 1);
        Assert.Equal(new DepartmentPath("B", "A"), DepartmentPath.FromGreenhouse([a, b]));
    }

    [Fact]
    public void ADepartmentThatIsItsOwnParentIsTopLevel() =>
        Assert.Equal(new DepartmentPath("Engineering", null), DepartmentPath.FromGreenhouse([Engineering with { ParentId = Engineering.Id }]));
}
