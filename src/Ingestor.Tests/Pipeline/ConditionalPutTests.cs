using Ingestor.Archive;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Amazon.S3;
using Ingestor.Tests.Infrastructure;

namespace Ingestor.Tests.Pipeline;

/// <summary>
/// The test S3 server ignores <c>If-None-Match</c>, so here a server answers every put as a store that already holds the key
/// would: 412 as S3 does, 409 as stores that report a concurrent conditional write do.
/// </summary>
public sealed class ConditionalPutTests
{
    [Theory]
    [InlineData(412, "PreconditionFailed")]
    [InlineData(409, "ConditionalRequestConflict")]
    public async Task AnObjectAlreadyStoredUnderTheKeyIsArchivedAlready(int status, string code)
    {
        await using var store = await StoreAnsweringAsync(status, code);
        var archive = new S3RawArchive(Client(store.Address), "raw");

        var uri = await archive.StoreAsync("raw/provider=greenhouse/board=fal/x.json.zst", new byte[] { 1, 2, 3 }, CancellationToken.None);

        Assert.Equal("s3://raw/raw/provider=greenhouse/board=fal/x.json.zst", uri);
        Assert.Equal("*", store.IfNoneMatch);
    }

    [Fact]
    public async Task AnyOtherRefusalIsAFailure()
    {
        await using var store = await StoreAnsweringAsync(403, "AccessDenied");
        var archive = new S3RawArchive(Client(store.Address), "raw");

        var refused = await Assert.ThrowsAsync<AmazonS3Exception>(() => archive.StoreAsync("raw/x.json.zst", new byte[] { 1 }, CancellationToken.None));

        Assert.Equal(System.Net.HttpStatusCode.Forbidden, refused.StatusCode);
    }

    private static IAmazonS3 Client(Uri address) =>
        ArchiveRegistration.CreateS3Client(new ArchiveOptions { Kind = ArchiveKind.S3, Bucket = "raw", ServiceUrl = address, Region = "us-east-1" }, S3Server.Credentials);

    private sealed class Store(WebApplication app) : IAsyncDisposable
    {
        public Uri Address => new(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

        public string? IfNoneMatch { get; set; }

        public ValueTask DisposeAsync() => app.DisposeAsync();
    }

    private static async Task<Store> StoreAnsweringAsync(int status, string code)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var store = new Store(app);
        app.MapPut("/{**key}", async (HttpContext context) =>
        {
            store.IfNoneMatch = context.Request.Headers.IfNoneMatch;
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/xml";
            await context.Response.WriteAsync($"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>{code}</Code><Message>{code}</Message></Error>");
        });
        await app.StartAsync();
        return store;
    }
}
