using Ingestor.Serving;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;

namespace Ingestor.Tests.Serving;

/// <summary>
/// The read API as <c>--serve</c> composes it, on real Kestrel at a free loopback port, reading the database of the settings
/// given (a <see cref="Infrastructure.TestIngestor"/>'s, filled through the real pipeline), and a client pointed at it. It runs as
/// Development, where ASP.NET Core checks the whole service graph at start and adds its developer exception page, which
/// must show a client nothing either. Its rate limit is off unless the settings given turn it on.
/// </summary>
public sealed class TestReadApi : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestReadApi(WebApplication app, HttpClient client)
    {
        _app = app;
        Client = client;
    }

    public HttpClient Client { get; }

    public static async Task<TestReadApi> StartAsync(IReadOnlyDictionary<string, string?> settings)
    {
        var builder = ReadApiApplication.CreateBuilder(["--environment", "Development"]);
        // No rate limit unless the test sets one: a test of anything else may send more than a client's budget.
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["ReadApi:RateLimit:PermitsPerSecond"] = "0" });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Configuration["urls"] = "http://127.0.0.1:0";
        var app = ReadApiApplication.Build(builder);
        await app.StartAsync(TestContext.Current.CancellationToken);
        return new TestReadApi(app, new HttpClient { BaseAddress = new Uri(app.Urls.Single()) });
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.DisposeAsync();
    }
}
