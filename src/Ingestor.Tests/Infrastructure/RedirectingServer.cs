using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ingestor.Tests.Infrastructure;

/// <summary>A board host (127.0.0.1) that answers every request with a 302 to one address, on another host as a test chooses.</summary>
public sealed class RedirectingServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _requests;

    private RedirectingServer(WebApplication app) => _app = app;

    public Uri Address { get; private set; } = null!;

    public int Requests => _requests;

    public static async Task<RedirectingServer> StartAsync(Uri target)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new RedirectingServer(app);
        app.Run(context =>
        {
            Interlocked.Increment(ref server._requests);
            context.Response.Redirect(target.ToString());
            return Task.CompletedTask;
        });
        await app.StartAsync();
        server.Address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return server;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
