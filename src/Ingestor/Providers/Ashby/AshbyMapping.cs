using System.Text.Json;
using Ingestor.Normalization.Fingerprints;
using Ingestor.Normalization;

namespace Ingestor.Providers.Ashby;

/// <summary>
/// An Ashby job in the provider-neutral terms of <see cref="SourceJob"/>. <c>isRemote</c> is not read: Ashby sets it on
/// office jobs too, so the workplace comes from <c>workplaceType</c> or, when that is unset, the office days the description
/// states.
/// </summary>
internal static class AshbyMapping
{
    private static readonly string[] DescriptionProperties = ["descriptionHtml", "descriptionPlain"];

    public static SourceJob ToSourceJob(ListedJob listed)
    {
        var job = listed.Source;
        var key = AshbyPayload.KeyOf(job) ?? throw new InvalidOperationException("the job has no usable id");
        var location = job.String("location")?.Trim();
        var secondary = job.Items("secondaryLocations").ToList();
        var secondaryNames = secondary.Select(place => place.String("location")?.Trim()).OfType<string>().ToList();
        return new SourceJob
        {
            Key = key,
            Title = job.String("title") ?? "",
            LocationText = location ?? AshbyAddress.TextOf(job),
            Places = [.. secondaryNames
                .Concat(new[] { AshbyAddress.TextOf(job) }.Concat(secondary.Select(place => AshbyAddress.TextOf(place))).OfType<string>())
                .Where(place => place != location)
                .Distinct(StringComparer.OrdinalIgnoreCase)],
            EmploymentType = EmploymentTypeOf(job.String("employmentType")),
            WorkplaceType = WorkplaceTypeOf(job.String("workplaceType")) ?? OfficeDays.WorkplaceOf(job.String("descriptionPlain")),
            Pay = AshbyCompensation.PayOf(job),
            Department = job.String("department")?.Trim(),
            Team = job.String("team")?.Trim(),
            SourceUrl = job.String("jobUrl"),
            ApplyUrl = job.String("applyUrl"),
            PostedAt = job.Timestamp("publishedAt"),
            // Ashby sends the description as HTML, not escaped once more like Greenhouse.
            DescriptionHtml = () => job.String("descriptionHtml"),
            Source = job,
            DescriptionProperties = DescriptionProperties,
            Content =
            [
                ContentField.List("compensation", AshbyCompensation.Summaries(job)),
                ContentField.Of("department", job.String("department")?.Trim()),
                ContentField.Of("employment_type", job.String("employmentType")),
                ContentField.Of("location", location),
                ContentField.List("secondary_locations", secondaryNames),
                ContentField.Of("team", job.String("team")?.Trim()),
                ContentField.Of("title", job.String("title")?.Trim()),
                ContentField.Of("url", job.String("jobUrl")),
                ContentField.Of("workplace_type", job.String("workplaceType")),
            ],
        };
    }

    internal static string? EmploymentTypeOf(string? employmentType) => employmentType?.Trim() switch
    {
        "FullTime" => EmploymentTypes.FullTime,
        "PartTime" => EmploymentTypes.PartTime,
        "Intern" => EmploymentTypes.Intern,
        "Contract" => EmploymentTypes.Contract,
        "Temporary" => EmploymentTypes.Temporary,
        _ => null,
    };

    internal static string? WorkplaceTypeOf(string? workplaceType) => workplaceType?.Trim() switch
    {
        "Remote" => WorkplaceTypes.Remote,
        "Hybrid" => WorkplaceTypes.Hybrid,
        "OnSite" => WorkplaceTypes.Onsite,
        _ => null,
    };
}
