using Ingestor.Serving.Access;
using Ingestor.Serving.OpenApi;
using Ingestor.Serving.Pages;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Ingestor.Serving;

/// <summary>
/// <c>--serve</c>: the read API over what the worker keeps. The same settings files, environment and features as the worker,
/// so the same settings are required and validated alike, but nothing of the worker runs: no scheduler, no metrics listener,
/// no poll. API load never competes with polling, and a read-only database role is enough.
/// </summary>
public static class ReadApiApplication
{
    public const string DefaultUrl = "http://127.0.0.1:8080";

    public static WebApplicationBuilder CreateBuilder(string[] args)
    {
        // Settings files sit beside the binary, as for the worker, so the API runs the same from any working directory.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.AddPipeline();
        builder.AddReadApi();
        return builder;
    }

    public static WebApplication Build(WebApplicationBuilder builder)
    {
        // Where ASP.NET Core's own settings say (--urls, ASPNETCORE_URLS, Urls, or the HTTP_PORTS a container image sets);
        // read only here, so settings added after CreateBuilder (tests do) count too.
        if (new[] { "urls", "http_ports", "https_ports" }.All(key => string.IsNullOrWhiteSpace(builder.Configuration[key])))
            builder.WebHost.UseUrls(DefaultUrl);

        var app = builder.Build();
        app.UseReadApiErrors();
        app.UseReadApiAccess();
        app.MapHealthz();
        app.MapJobPostingsApi();
        app.MapApiDocument();
        app.MapRecordPages();
        app.MapListPages();
        return app;
    }
}
