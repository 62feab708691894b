using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Ingestor.Tests.Infrastructure;

/// <summary>
/// A TCP proxy in front of a server (s3rver). While <see cref="Stalling"/>, each connection's first upload (a PUT) is
/// forwarded only in part, its headers and the first half of its body, and then held: the server has the write in flight,
/// the client waits for an answer, until the client goes away; then the proxy drops the server's side too, as a dead
/// client's socket would. Otherwise it passes bytes through untouched.
/// </summary>
public sealed class StallingProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly IPEndPoint _upstream;
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource<string> _uploadHeld = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _heldUploadDropped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _accepting;

    public StallingProxy(Uri upstream)
    {
        _upstream = new IPEndPoint(IPAddress.Parse(upstream.Host), upstream.Port);
        _listener.Start();
        Address = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}");
        _accepting = AcceptAsync();
    }

    public Uri Address { get; }

    /// <summary>Whether connections opened from now on have their first upload held.</summary>
    public bool Stalling { get; set; } = true;

    /// <summary>The request line of the first upload held, once the server has its headers and half its body.</summary>
    public Task<string> UploadHeld => _uploadHeld.Task;

    /// <summary>Completes when the client of the held upload has gone away and the server's side is closed.</summary>
    public Task HeldUploadDropped => _heldUploadDropped.Task;

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            _ = RelayAsync(client, Stalling);
        }
    }

    private async Task RelayAsync(TcpClient client, bool stalling)
    {
        using var clientSide = client;
        using var serverSide = new TcpClient();
        try
        {
            await serverSide.ConnectAsync(_upstream, _stop.Token);
            var fromClient = clientSide.GetStream();
            var toServer = serverSide.GetStream();
            var answers = toServer.CopyToAsync(fromClient, _stop.Token);
            if (stalling)
                await HoldFirstUploadAsync(fromClient, toServer);
            else
                await fromClient.CopyToAsync(toServer, _stop.Token);
            serverSide.Client.Shutdown(SocketShutdown.Send);
            await Task.WhenAny(answers);
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // A side went away: the using blocks close the other.
        }
    }

    private async Task HoldFirstUploadAsync(NetworkStream fromClient, NetworkStream toServer)
    {
        var received = new MemoryStream();
        var buffer = new byte[64 * 1024];
        int headerEnd;
        while ((headerEnd = HeaderEnd(received)) < 0)
        {
            var read = await fromClient.ReadAsync(buffer, _stop.Token);
            if (read == 0)
                return;
            received.Write(buffer, 0, read);
        }

        var headers = Encoding.ASCII.GetString(received.GetBuffer(), 0, headerEnd);
        var requestLine = headers[..headers.IndexOf("\r\n", StringComparison.Ordinal)];
        if (!requestLine.StartsWith("PUT ", StringComparison.Ordinal))
        {
            await toServer.WriteAsync(received.GetBuffer().AsMemory(0, (int)received.Length), _stop.Token);
            await fromClient.CopyToAsync(toServer, _stop.Token);
            return;
        }

        var forwarded = headerEnd + ContentLength(headers) / 2;
        while (received.Length < forwarded)
        {
            var read = await fromClient.ReadAsync(buffer, _stop.Token);
            if (read == 0)
                return;
            received.Write(buffer, 0, read);
        }
        await toServer.WriteAsync(received.GetBuffer().AsMemory(0, forwarded), _stop.Token);
        await toServer.FlushAsync(_stop.Token);
        _uploadHeld.TrySetResult(requestLine);

        // The rest is read and dropped, to notice when the client goes away (killed: its kernel closes the socket).
        try
        {
            while (await fromClient.ReadAsync(buffer, _stop.Token) > 0)
            {
            }
        }
        finally
        {
            toServer.Socket.Close();
            _heldUploadDropped.TrySetResult();
        }
    }

    private static int HeaderEnd(MemoryStream received)
    {
        var index = received.GetBuffer().AsSpan(0, (int)received.Length).IndexOf("\r\n\r\n"u8);
        return index < 0 ? -1 : index + 4;
    }

    private static int ContentLength(string headers) => headers.Split("\r\n")
        .Where(line => line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
        .Select(line => int.Parse(line["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture))
        .FirstOrDefault();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }
}
