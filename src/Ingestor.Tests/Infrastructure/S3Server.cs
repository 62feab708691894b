using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Ingestor.Archive;
using Ingestor.Storage;

namespace Ingestor.Tests.Infrastructure;

/// <summary>npm's s3rver on a loopback port, storing into a temporary folder; installed by the test command into tools/s3rver.</summary>
public sealed class S3Server : IAsyncDisposable
{
    private readonly string _directory;
    private readonly int _port;
    private Process _process;

    private S3Server(string directory, int port)
    {
        _directory = directory;
        _port = port;
        ServiceUrl = new Uri($"http://127.0.0.1:{port}");
        _process = Launch();
    }

    public Uri ServiceUrl { get; }

    public static readonly BasicAWSCredentials Credentials = new("S3RVER", "S3RVER");

    public ArchiveOptions Options(string bucket) => new() { Kind = ArchiveKind.S3, Bucket = bucket, ServiceUrl = ServiceUrl, Region = "us-east-1" };

    public IAmazonS3 Client() => ArchiveRegistration.CreateS3Client(Options("unused"), Credentials);

    private static readonly string Script = Path.Combine(RepositoryPaths.Root, "tools", "s3rver", "node_modules", "s3rver", "bin", "s3rver.js");

    public static async Task<S3Server> StartAsync()
    {
        if (!File.Exists(Script))
            throw new InvalidOperationException($"s3rver is not installed ({Script}); the test command installs it: npm ci --prefix tools/s3rver");

        var server = new S3Server(Directory.CreateTempSubdirectory("ingestor-s3-").FullName, LoopbackPort.Free());
        await server.WaitUntilListeningAsync();
        return server;
    }

    /// <summary>Kills the server, as an outage would; what it stored stays in its folder.</summary>
    public async Task StopAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <summary>Starts the server again at the same address over the same folder, after <see cref="StopAsync"/>.</summary>
    public async Task StartAgainAsync()
    {
        _process.Dispose();
        _process = Launch();
        await WaitUntilListeningAsync();
    }

    private Process Launch()
    {
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { Script, "--directory", _directory, "--address", "127.0.0.1", "--port", _port.ToString(), "--silent" })
            start.ArgumentList.Add(argument);
        var process = Process.Start(start)!;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    public async Task CreateBucketAsync(string bucket)
    {
        using var client = Client();
        await client.PutBucketAsync(new PutBucketRequest { BucketName = bucket });
    }

    public async Task<byte[]> ReadAsync(string bucket, string key)
    {
        using var client = Client();
        using var response = await client.GetObjectAsync(bucket, key);
        using var body = new MemoryStream();
        await response.ResponseStream.CopyToAsync(body);
        return body.ToArray();
    }

    public async Task<IReadOnlyList<string>> KeysAsync(string bucket)
    {
        using var client = Client();
        var listing = await client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket });
        return [.. (listing.S3Objects ?? []).Select(o => o.Key)];
    }

    private async Task WaitUntilListeningAsync()
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"s3rver exited with code {_process.ExitCode}");
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, _port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }
        throw new TimeoutException("s3rver did not start listening within 10 s");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        Directory.Delete(_directory, recursive: true);
    }
}
