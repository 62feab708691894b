using Amazon;
using Amazon.Runtime;
using Amazon.S3;
using Ingestor.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Ingestor.Archive;

public static class ArchiveRegistration
{
    public static IHostApplicationBuilder AddArchive(this IHostApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<ArchiveOptions>(ArchiveOptions.Section);
        builder.Services.AddSingleton<IRawArchive>(services =>
        {
            var options = services.GetRequiredService<IOptions<ArchiveOptions>>().Value;
            return options.Kind switch
            {
                ArchiveKind.S3 => new S3RawArchive(CreateS3Client(options), options.Bucket!),
                _ => new FileRawArchive(options.Path!),
            };
        });
        // A poll holds its transaction, and so a connection, open until its payload is archived: were the archive's index in the
        // same pool, polls holding every connection would wait for archives waiting for one. Four, as many changed polls as the
        // default budget admits: with two, a first sweep of 1,000 × 50 took 37 s against 32 (docs/measurements.md).
        builder.Services.AddKeyedSingleton(PayloadArchive.Connections, (services, _) =>
            StorageRegistration.CreateDataSource(StorageRegistration.ConnectionString(services), "ingestor-archive", maxConnections: 4));
        builder.Services.AddSingleton<PayloadArchive>();
        return builder;
    }

    /// <summary>Credentials come from the SDK's usual chain (environment, profile, instance role).</summary>
    public static IAmazonS3 CreateS3Client(ArchiveOptions options, AWSCredentials? credentials = null)
    {
        var config = new AmazonS3Config
        {
            ForcePathStyle = options.ForcePathStyle,
            // Checksums only where the protocol requires them: many S3-compatible servers reject the newer defaults.
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        };
        if (options.ServiceUrl is not null)
        {
            config.ServiceURL = options.ServiceUrl.ToString();
            config.AuthenticationRegion = options.Region ?? "us-east-1";
        }
        else
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(options.Region);
        }
        return credentials is null ? new AmazonS3Client(config) : new AmazonS3Client(credentials, config);
    }
}
