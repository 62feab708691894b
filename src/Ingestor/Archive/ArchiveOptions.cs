using System.ComponentModel.DataAnnotations;

namespace Ingestor.Archive;

public enum ArchiveKind
{
    File,
    S3,
}

/// <summary>Where raw payloads go: an S3 bucket (AWS or any S3-compatible server) or a local folder.</summary>
public sealed class ArchiveOptions : IValidatableObject
{
    public const string Section = "Archive";

    public ArchiveKind Kind { get; set; } = ArchiveKind.File;

    /// <summary>The folder for <see cref="ArchiveKind.File"/>; relative paths are taken from the working directory.</summary>
    public string? Path { get; set; }

    public string? Bucket { get; set; }

    /// <summary>An S3-compatible endpoint (MinIO, R2, a test server); empty means AWS itself, in <see cref="Region"/>.</summary>
    public Uri? ServiceUrl { get; set; }

    public string? Region { get; set; }

    /// <summary>Bucket in the path rather than the host name, as most S3-compatible servers want.</summary>
    public bool ForcePathStyle { get; set; } = true;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Kind == ArchiveKind.File && string.IsNullOrWhiteSpace(Path))
            yield return new ValidationResult("Archive:Path (env Archive__Path) is required when Archive:Kind is file", [nameof(Path)]);
        if (Kind == ArchiveKind.S3 && string.IsNullOrWhiteSpace(Bucket))
            yield return new ValidationResult("Archive:Bucket (env Archive__Bucket) is required when Archive:Kind is s3", [nameof(Bucket)]);
        if (Kind == ArchiveKind.S3 && ServiceUrl is null && string.IsNullOrWhiteSpace(Region))
            yield return new ValidationResult("Archive:ServiceUrl or Archive:Region (env Archive__ServiceUrl, Archive__Region) is required when Archive:Kind is s3", [nameof(ServiceUrl)]);
    }
}
