using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO.Compression;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ingestor.Tests.Infrastructure;

/// <summary>One scripted answer of the fake Greenhouse.</summary>
public sealed record Reply(int Status, byte[] Body)
{
    /// <summary>Wait this long before answering (to trip timeouts).</summary>
    public TimeSpan Delay { get; init; }

    public string? RetryAfter { get; init; }

    /// <summary>Sent as the Location header, for a redirect.</summary>
    public string? Location { get; init; }

    /// <summary>Promise the whole body in Content-Length, send half of it, then drop the connection.</summary>
    public bool CutShort { get; init; }

    /// <summary>Sent as a validator; a request naming it in If-None-Match gets 304 and no body.</summary>
    public string? ETag { get; init; }

    /// <summary>Sent as a validator; a request naming it in If-Modified-Since gets 304 and no body.</summary>
    public string? LastModified { get; init; }

    /// <summary>Compress the body this way ("gzip", "br") when the request accepts it, as a CDN would.</summary>
    public string? Encoding { get; init; }

    /// <summary>Answer only once this completes: a board that keeps its poll waiting for as long as the test says.</summary>
    public Task? Hold { get; init; }

    public static Reply Json(byte[] body) => new(200, body);

    public static Reply Json(string body) => new(200, System.Text.Encoding.UTF8.GetBytes(body));

    public static Reply Board(string sampleToken) => new(200, Payloads.Board(sampleToken));

    public static Reply Error(int status, string body = "") => new(status, System.Text.Encoding.UTF8.GetBytes(body));
}

/// <summary>
/// A Greenhouse look-alike on Kestrel (127.0.0.1) that answers <c>/{tenant}/v1/boards/{token}/jobs</c> from scripts, and the
/// other providers' boards too, scripted as <c>provider:token</c> (Ashby's <c>posting-api/job-board/{token}</c>, Lever's
/// <c>v0/postings/{site}</c> and, under <c>eu/</c>, its EU host's; SmartRecruiters' list pages as
/// <c>smartrecruiters:{company}?offset={n}</c> and details as <c>smartrecruiters:{company}/{id}</c>). Each test takes its own
/// tenant, so tests can use the same board tokens side by side.
/// </summary>
public sealed class FakeGreenhouse : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, Script> _scripts = new();
    private readonly ConcurrentDictionary<string, Traffic> _traffic = new();

    private FakeGreenhouse(WebApplication app) => _app = app;

    public Uri Address { get; private set; } = null!;

    public static async Task<FakeGreenhouse> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeGreenhouse(app);
        app.MapGet("/{tenant}/v1/boards/{token}/jobs", fake.AnswerAsync);
        // A job's own endpoint is scripted as token/jobs/id (Lever's as lever:site/id); unscripted, it answers 404 as a closed job's does.
        app.MapGet("/{tenant}/v1/boards/{token}/jobs/{id}", (HttpContext context, string tenant, string token, string id) =>
            fake.AnswerAsync(context, tenant, $"{token}/jobs/{id}"));
        // The other providers' boards are scripted as provider:token.
        app.MapGet("/{tenant}/posting-api/job-board/{token}", (HttpContext context, string tenant, string token) =>
            fake.AnswerAsync(context, tenant, $"ashby:{token}"));
        app.MapGet("/{tenant}/v0/postings/{token}", (HttpContext context, string tenant, string token) =>
            fake.AnswerAsync(context, tenant, $"lever:{token}"));
        app.MapGet("/{tenant}/v0/postings/{token}/{id}", (HttpContext context, string tenant, string token, string id) =>
            fake.AnswerAsync(context, tenant, $"lever:{token}/{id}"));
        app.MapGet("/{tenant}/eu/v0/postings/{token}", (HttpContext context, string tenant, string token) =>
            fake.AnswerAsync(context, tenant, $"lever:eu:{token}"));
        app.MapGet("/{tenant}/v1/companies/{company}/postings", (HttpContext context, string tenant, string company, int offset) =>
            fake.AnswerAsync(context, tenant, $"smartrecruiters:{company}?offset={offset}"));
        app.MapGet("/{tenant}/v1/companies/{company}/postings/{id}", (HttpContext context, string tenant, string company, string id) =>
            fake.AnswerAsync(context, tenant, $"smartrecruiters:{company}/{id}"));
        await app.StartAsync();
        fake.Address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return fake;
    }

    public Tenant NewTenant() => new(this, Guid.NewGuid().ToString("N")[..12]);

    public sealed class Tenant(FakeGreenhouse server, string name)
    {
        public Uri BaseUrl => new(server.Address, $"/{name}/");

        /// <summary>The board answers these in order, then keeps answering the last.</summary>
        public void Script(string token, params Reply[] replies) => server._scripts[$"{name}/{token}"] = new Script(replies);

        public int Requests(string token) => server._scripts.TryGetValue($"{name}/{token}", out var script) ? script.Requests : 0;

        /// <summary>The headers of the board's latest request.</summary>
        public IHeaderDictionary? LastRequestHeaders(string token) =>
            server._scripts.TryGetValue($"{name}/{token}", out var script) ? script.LastRequestHeaders : null;

        /// <summary>Every request the tenant received, in order of arrival, with its <see cref="Stopwatch"/> timestamp.</summary>
        public IReadOnlyList<Arrival> Arrivals => server.TrafficOf(name).Arrivals;

        /// <summary>The most requests the tenant had open at once, each from its arrival until its answer started.</summary>
        public int MostOpenAtOnce => server.TrafficOf(name).MostOpen;
    }

    public sealed record Arrival(string Token, long Timestamp);

    private Traffic TrafficOf(string tenant) => _traffic.GetOrAdd(tenant, _ => new Traffic());

    private sealed class Traffic
    {
        private readonly Lock _lock = new();
        private readonly List<Arrival> _arrivals = [];
        private int _open;
        private int _mostOpen;

        public IReadOnlyList<Arrival> Arrivals { get { lock (_lock) return [.. _arrivals]; } }

        public int MostOpen { get { lock (_lock) return _mostOpen; } }

        public void Arrived(string token)
        {
            lock (_lock)
            {
                _arrivals.Add(new Arrival(token, Stopwatch.GetTimestamp()));
                _mostOpen = Math.Max(_mostOpen, ++_open);
            }
        }

        public void Answering()
        {
            lock (_lock)
                _open--;
        }
    }

    private sealed class Script(Reply[] replies)
    {
        private int _requests;

        public int Requests => _requests;

        public IHeaderDictionary? LastRequestHeaders { get; set; }

        public Reply Next()
        {
            var index = Interlocked.Increment(ref _requests) - 1;
            return replies[Math.Min(index, replies.Length - 1)];
        }
    }

    private async Task AnswerAsync(HttpContext context, string tenant, string token)
    {
        var traffic = TrafficOf(tenant);
        traffic.Arrived(token);
        var answering = false;
        try
        {
            await ReplyAsync(context, tenant, token, () =>
            {
                answering = true;
                traffic.Answering();
            });
        }
        finally
        {
            if (!answering)
                traffic.Answering();
        }
    }

    // A request counts as open until its answer starts: the client may see the end of an answer before this server has
    // finished writing it, and must not then be counted as having two open.
    private async Task ReplyAsync(HttpContext context, string tenant, string token, Action answering)
    {
        if (!_scripts.TryGetValue($"{tenant}/{token}", out var script))
        {
            answering();
            context.Response.StatusCode = 404;
            await context.Response.WriteAsync("""{"status":404,"error":"Job not found"}""");
            return;
        }

        var reply = script.Next();
        var request = context.Request.Headers;
        script.LastRequestHeaders = new HeaderDictionary(request.ToDictionary(h => h.Key, h => h.Value));
        if (reply.Delay > TimeSpan.Zero)
            await Task.Delay(reply.Delay, context.RequestAborted);
        if (reply.Hold is not null)
            await reply.Hold.WaitAsync(context.RequestAborted);
        answering();
        if (reply.ETag is not null)
            context.Response.Headers.ETag = reply.ETag;
        if (reply.LastModified is not null)
            context.Response.Headers.LastModified = reply.LastModified;
        if ((reply.ETag is not null && request.IfNoneMatch == reply.ETag) || (reply.LastModified is not null && request.IfModifiedSince == reply.LastModified))
        {
            context.Response.StatusCode = 304;
            return;
        }

        context.Response.StatusCode = reply.Status;
        context.Response.ContentType = "application/json";
        if (reply.RetryAfter is not null)
            context.Response.Headers.RetryAfter = reply.RetryAfter;
        if (reply.Location is not null)
            context.Response.Headers.Location = reply.Location;
        var body = reply.Body;
        if (reply.Encoding is { } encoding && request.AcceptEncoding.ToString().Contains(encoding, StringComparison.Ordinal))
        {
            body = Compress(body, encoding);
            context.Response.Headers.ContentEncoding = encoding;
        }
        context.Response.ContentLength = body.Length;
        if (reply.CutShort)
        {
            await context.Response.Body.WriteAsync(body.AsMemory(0, body.Length / 2));
            await context.Response.Body.FlushAsync();
            context.Abort();
            return;
        }
        await context.Response.Body.WriteAsync(body);
    }

    private static byte[] Compress(byte[] body, string encoding)
    {
        using var compressed = new MemoryStream();
        using (Stream compressor = encoding == "br"
                   ? new BrotliStream(compressed, CompressionLevel.Fastest)
                   : new GZipStream(compressed, CompressionLevel.Fastest))
            compressor.Write(body);
        return compressed.ToArray();
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
