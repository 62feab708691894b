using System.Text.Json;
using Ingestor.Normalization.Fingerprints;
using Ingestor.Normalization;

namespace Ingestor.Providers.Lever;

/// <summary>
/// A Lever posting in the provider-neutral terms of <see cref="SourceJob"/>. The commitment is free text ("Full-time",
/// "Intern") and goes to the employment classifier as a field; the place is <c>categories.location</c>, with every other
/// location the posting names as further places.
/// </summary>
internal static class LeverMapping
{
    public static SourceJob ToSourceJob(ListedJob listed)
    {
        var posting = listed.Source;
        var key = LeverPayload.KeyOf(posting) ?? throw new InvalidOperationException("the posting has no usable id");
        var categories = posting.Property("categories");
        var location = categories?.String("location")?.Trim();
        var allLocations = categories?.Items("allLocations").Select(JsonReading.AsText).OfType<string>().Select(place => place.Trim()).ToList() ?? [];
        var commitment = categories?.String("commitment")?.Trim();
        return new SourceJob
        {
            Key = key,
            Title = posting.String("text") ?? "",
            LocationText = location ?? (allLocations.Count > 0 ? string.Join("; ", allLocations) : null),
            Places = [.. allLocations.Where(place => place != location)],
            Fields = commitment is null ? [] : [KeyValuePair.Create("Commitment", commitment)],
            WorkplaceType = WorkplaceTypeOf(posting.String("workplaceType")),
            Pay = LeverSalaryRange.Of(posting) is { } salary ? [salary] : [],
            Department = categories?.String("department")?.Trim(),
            Team = categories?.String("team")?.Trim(),
            SourceUrl = posting.String("hostedUrl"),
            ApplyUrl = posting.String("applyUrl"),
            PostedAt = posting.Int64("createdAt") is { } createdAt ? DateTimeOffset.FromUnixTimeMilliseconds(createdAt) : null,
            DescriptionHtml = () => LeverDescription.HtmlOf(posting),
            Source = posting,
            DescriptionProperties = LeverDescription.Properties,
            Content =
            [
                ContentField.List("all_locations", allLocations),
                ContentField.Of("commitment", commitment),
                ContentField.Of("country", posting.String("country")),
                ContentField.Of("department", categories?.String("department")?.Trim()),
                ContentField.Of("location", location),
                ContentField.Of("salary_range", LeverSalaryRange.TextOf(posting)),
                ContentField.Of("team", categories?.String("team")?.Trim()),
                ContentField.Of("title", posting.String("text")?.Trim()),
                ContentField.Of("url", posting.String("hostedUrl")),
                ContentField.Of("workplace_type", posting.String("workplaceType")),
            ],
        };
    }

    /// <summary>Lever documents <c>on-site</c> and sends <c>onsite</c>; <c>unspecified</c> states nothing.</summary>
    internal static string? WorkplaceTypeOf(string? workplaceType) => workplaceType?.Trim().ToLowerInvariant() switch
    {
        "remote" => WorkplaceTypes.Remote,
        "hybrid" => WorkplaceTypes.Hybrid,
        "onsite" or "on-site" => WorkplaceTypes.Onsite,
        _ => null,
    };
}
