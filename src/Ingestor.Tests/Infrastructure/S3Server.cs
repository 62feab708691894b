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
    private readonly Process _process;
    private readonly string _directory;

    private S3Server(Process process, string directory, Uri serviceUrl)
    {
        _process = process;
        _directory = directory;
        ServiceUrl = serviceUrl;
    }

    public Uri ServiceUrl { get; }

    public static readonly BasicAWSCredentials Credentials = new("S3RVER", "S3RVER");

    public ArchiveOptions Options(string bucket) => new() { Kind = ArchiveKind.S3, Bucket = bucket, ServiceUrl = ServiceUrl, Region = "us-east-1" };

    public IAmazonS3 Client() => ArchiveRegistration.CreateS3Client(Options("unused"), Credentials);

    public static async Task<S3Server> StartAsync()
    {
        var script = Path.Combine(RepositoryPaths.Root, "tools", "s3rver", "node_modules", "s3rver", "bin", "s3rver.js");
        if (!File.Exists(script))
            throw new InvalidOperationException($"s3rver is not installed ({script}); the test command installs it: npm ci --prefix tools/s3rver");

        var directory = Directory.CreateTempSubdirectory("ingestor-s3-").FullName;
        var port = LoopbackPort.Free();
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { script, "--directory", directory, "--address", "127.0.0.1", "--port", port.ToString(), "--silent" })
            start.ArgumentList.Add(argument);
        var process = Process.Start(start)!;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new S3Server(process, directory, new Uri($"http://127.0.0.1:{port}"));
        await server.WaitUntilListeningAsync(port);
        return server;
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

    private async Task WaitUntilListeningAsync(int port)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"s3rver exited with code {_process.ExitCode}");
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port);
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
