using Ingestor.Normalization;
using Ingestor.Polling;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Ingestor.Tests.Hosting;

public sealed class ConfigurationTests
{
    private static IServiceProvider Build(Dictionary<string, string?> settings)
    {
        var builder = Program.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        return builder.Build().Services;
    }

    private static IReadOnlyList<string> Failures(Dictionary<string, string?> settings)
    {
        var failure = Assert.ThrowsAny<Exception>(() => Build(settings).GetRequiredService<IStartupValidator>().Validate());
        var failures = failure is AggregateException aggregate ? aggregate.InnerExceptions : [failure];
        return [.. failures.OfType<OptionsValidationException>().SelectMany(f => f.Failures).Distinct()];
    }

    [Fact]
    public void TheShippedSettingsAreValid()
    {
        var services = Build([]);
        services.GetRequiredService<IStartupValidator>().Validate();
        Assert.Equal(new Uri("https://boards-api.greenhouse.io"), services.GetRequiredService<IOptions<Ingestor.Providers.Greenhouse.GreenhouseOptions>>().Value.BaseUrl);
    }

    [Fact]
    public void ListSettingsFromTheFileReplaceTheDefaultsRatherThanAddToThem()
    {
        var scope = Build([]).GetRequiredService<IOptions<LaunchScopeOptions>>().Value;
        Assert.Equal(["en"], scope.Languages);
        Assert.Equal(["US", "CA"], scope.Countries);
    }

    [Fact]
    public void AnS3ArchiveWithoutABucketIsRefusedNamingTheSetting() =>
        Assert.Contains("Archive:Bucket (env Archive__Bucket) is required when Archive:Kind is s3",
            Failures(new() { ["Archive:Kind"] = "s3", ["Archive:Region"] = "us-east-1" }));

    [Fact]
    public void EveryBadSettingIsReportedAtOnce()
    {
        var failures = Failures(new() { ["Greenhouse:BaseUrl"] = "ftp://example.com", ["Polling:MaxConcurrentBoards"] = "0", ["Metrics:Port"] = "70000" });
        Assert.Contains("Greenhouse:BaseUrl must be an absolute http(s):// or file:// URL", failures);
        Assert.Contains("Polling:MaxConcurrentBoards must be between 1 and 64", failures);
        Assert.Contains("Metrics:Port must be between 0 and 65535", failures);
    }

    [Fact]
    public void PolitenessLimitsOutOfRangeAreRefusedNamingTheSetting()
    {
        var failures = Failures(new() { ["Greenhouse:MaxRequestsPerSecond"] = "0", ["Greenhouse:MaxConcurrentRequests"] = "0" });
        Assert.Contains("Greenhouse:MaxRequestsPerSecond must be between 0.1 and 100000", failures);
        Assert.Contains("Greenhouse:MaxConcurrentRequests must be between 1 and 256", failures);
    }

    [Fact]
    public void NoRetriesAtAllIsRefusedAtStartRatherThanAtTheFirstRequest()
    {
        var failures = Failures(new() { ["Greenhouse:MaxRetryAttempts"] = "0" });
        Assert.Contains("Greenhouse:MaxRetryAttempts must be between 1 and 10", failures);
    }

    [Fact]
    public void BoardsDeclaredInConfigurationAreBound() =>
        Assert.Equal(["fal", "stripe"],
            Build(new() { ["Polling:Boards:0"] = "fal", ["Polling:Boards:1"] = "stripe" }).GetRequiredService<IOptions<PollingOptions>>().Value.Boards);
}
