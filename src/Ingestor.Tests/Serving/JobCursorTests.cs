using Ingestor.Serving.Slices;

namespace Ingestor.Tests.Serving;

/// <summary>The cursor of a slice: opaque, exact to PostgreSQL's microsecond, and good only with the filters it was issued for.</summary>
public sealed class JobCursorTests
{
    private static readonly JobFilter Company = new() { OrgId = Guid.Parse("144222fa-e13c-4bb3-be7f-89ec0ca39bac"), City = "Dublin" };
    private static readonly JobCursor Place = new(new DateTime(2026, 6, 6, 18, 41, 4, DateTimeKind.Utc).AddTicks(4_230_010), "5d7bb08593f65e24f2b9df8aacb01cb3c3976d37");

    [Fact]
    public void ACursorReadBackWithItsFiltersNamesThePlaceItWasMadeFor()
    {
        var text = Place.Encode(Company);

        Assert.True(JobCursor.TryDecode(text, Company with { }, out var cursor, out _));
        Assert.Equal(Place, cursor);
        Assert.Equal(DateTimeKind.Utc, cursor.FirstSeenAt.Kind);
        Assert.Matches("^[A-Za-z0-9_-]+$", text);
    }

    [Fact]
    public void ACursorIsRefusedWithOtherFilters()
    {
        var text = Place.Encode(Company);

        foreach (var other in new[] { Company with { City = "London" }, Company with { IsRemote = false }, new JobFilter() })
        {
            Assert.False(JobCursor.TryDecode(text, other, out var cursor, out var problem));
            Assert.Null(cursor);
            Assert.Equal("Cursor of other filters", problem.ProblemDetails.Title);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a cursor")]
    [InlineData("AQ")]
    [InlineData("AQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public void AnythingButACursorWeIssuedIsMalformed(string text)
    {
        Assert.False(JobCursor.TryDecode(text, Company, out _, out var problem));

        Assert.Equal("Malformed cursor", problem.ProblemDetails.Title);
    }

    [Fact]
    public void ACursorOfAnotherVersionIsMalformed()
    {
        var text = Place.Encode(Company);

        Assert.False(JobCursor.TryDecode("B" + text[1..], Company, out _, out var problem));
        Assert.Equal("Malformed cursor", problem.ProblemDetails.Title);
    }
}
