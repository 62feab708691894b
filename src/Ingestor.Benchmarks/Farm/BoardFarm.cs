using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ingestor.Benchmarks.Farm;

/// <summary>What the farm's boards send in a sweep.</summary>
internal enum FarmState
{
    /// <summary>Each board lists its window of the recorded jobs, compact, in order.</summary>
    Original,

    /// <summary>The same postings, in reverse order and indented: other bytes, nothing a reader would call a change.</summary>
    Reserialized,

    /// <summary>10% of each board's postings retitled, 5% gone, 5% new.</summary>
    Churned,
}

/// <summary>
/// Thousands of Greenhouse boards on loopback, made from one recorded board: board i lists a window of its jobs (a board of
/// more jobs than were recorded repeats them under other ids). Each state's payloads are assembled from the jobs' bytes as
/// the state is set, before a sweep starts: the farm stands for servers elsewhere, so its own work while a sweep runs would
/// take the two cores from the product it measures (assembled on request, it was 6% of the machine in a churn sweep, perf).
/// </summary>
internal sealed class BoardFarm : IAsyncDisposable
{
    private const long NewJobIdOffset = 100_000_000_000;

    private readonly WebApplication _app;
    private readonly byte[][] _compact;
    private readonly byte[][] _indented;
    private readonly byte[][] _retitled;
    private readonly byte[][] _added;
    private readonly int[] _sizes;
    private byte[][] _payloads = [];
    private FarmState _state;

    private BoardFarm(WebApplication app, JsonArray jobs, int[] sizes)
    {
        _app = app;
        _sizes = sizes;
        var indented = new JsonSerializerOptions { WriteIndented = true };
        _compact = [.. jobs.Select(j => Encoding.UTF8.GetBytes(j!.ToJsonString()))];
        _indented = [.. jobs.Select(j => Encoding.UTF8.GetBytes(j!.ToJsonString(indented)))];
        _retitled = [.. jobs.Select(j => Edited(j!, job => job["title"] = $"{(string?)job["title"]} (updated)"))];
        _added = [.. jobs.Select(j => Edited(j!, job => job["id"] = (long)job["id"]! + NewJobIdOffset))];
        State = FarmState.Original;
    }

    public FarmState State
    {
        get => _state;
        set
        {
            _state = value;
            _payloads = new byte[_sizes.Length][];
            Parallel.For(0, _sizes.Length, board => _payloads[board] = Assemble(board));
        }
    }

    public int Boards => _sizes.Length;

    public int Postings => _sizes.Sum();

    public int JobsRecorded => _compact.Length;

    public Uri BaseUrl { get; private set; } = null!;

    public static string Token(int board) => $"farm-{board:D5}";

    public static async Task<BoardFarm> StartAsync(byte[] recordedBoard, int[] sizes)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var farm = new BoardFarm(app, JsonNode.Parse(recordedBoard)!["jobs"]!.AsArray(), sizes);
        app.MapGet("/v1/boards/{token}/jobs", farm.AnswerAsync);
        await app.StartAsync();
        farm.BaseUrl = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");
        return farm;
    }

    /// <summary>The board's payload in the current state, as the wire carries it.</summary>
    public byte[] Payload(int board) => _payloads[board];

    private byte[] Assemble(int board)
    {
        var size = _sizes[board];
        var start = board * 50 % _compact.Length;
        var jobs = Enumerable.Range(0, size).Select(k => (Index: (start + k) % _compact.Length, Copy: k / _compact.Length)).ToList();
        var parts = _state switch
        {
            FarmState.Original => jobs.Select(j => Job(_compact, j)),
            FarmState.Reserialized => jobs.AsEnumerable().Reverse().Select(j => Job(_indented, j)),
            _ => Churn(jobs),
        };
        var list = parts.ToList();
        using var payload = new MemoryStream();
        payload.Write("{\"jobs\":["u8);
        for (var i = 0; i < list.Count; i++)
        {
            if (i > 0)
                payload.WriteByte((byte)',');
            payload.Write(list[i]);
        }
        payload.Write(Encoding.UTF8.GetBytes($"],\"meta\":{{\"total\":{list.Count}}}}}"));
        return payload.ToArray();
    }

    private IEnumerable<byte[]> Churn(IReadOnlyList<(int Index, int Copy)> jobs)
    {
        var changed = Share(jobs.Count, 0.10);
        var gone = Share(jobs.Count, 0.05);
        var kept = jobs.Take(jobs.Count - gone).Select((j, k) => Job(k < changed ? _retitled : _compact, j));
        var added = jobs.Take(Share(jobs.Count, 0.05)).Select(j => Job(_added, j));
        return kept.Concat(added);
    }

    private static int Share(int count, double share) => (int)Math.Round(count * share, MidpointRounding.AwayFromZero);

    // A job past the recorded ones is a copy under another id.
    private byte[] Job(byte[][] spelling, (int Index, int Copy) job) =>
        job.Copy == 0 ? spelling[job.Index] : Edited(JsonNode.Parse(spelling[job.Index])!, j => j["id"] = (long)j["id"]! + job.Copy * 1_000_000_000_000L);

    private static byte[] Edited(JsonNode job, Action<JsonObject> edit)
    {
        var copy = job.DeepClone().AsObject();
        edit(copy);
        return Encoding.UTF8.GetBytes(copy.ToJsonString());
    }

    private async Task AnswerAsync(HttpContext context, string token)
    {
        if (!token.StartsWith("farm-", StringComparison.Ordinal) || !int.TryParse(token[5..], out var board) || board >= _sizes.Length)
        {
            context.Response.StatusCode = 404;
            return;
        }
        var body = Payload(board);
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
