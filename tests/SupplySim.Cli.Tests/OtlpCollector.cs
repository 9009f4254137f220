using System.Collections.Concurrent;
using System.Net;

namespace SupplySim.Cli.Tests;

/// <summary>
/// A stand-in OTLP/HTTP collector on 127.0.0.1: accepts protobuf POSTs to /v1/traces and /v1/metrics,
/// answers with an empty (valid) export response, and counts what came in per path.
/// </summary>
public sealed class OtlpCollector : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;

    public int Port { get; }
    public ConcurrentDictionary<string, int> Requests { get; } = new();
    public ConcurrentDictionary<string, long> Bytes { get; } = new();

    public OtlpCollector()
    {
        Port = CliSession.FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(Serve);
    }

    private async Task Serve()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException) { return; }
            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            var key = $"{context.Request.Url?.AbsolutePath} {context.Request.ContentType}";
            Requests.AddOrUpdate(key, 1, (_, n) => n + 1);
            Bytes.AddOrUpdate(key, body.Length, (_, n) => n + body.Length);
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/x-protobuf";
            context.Response.ContentLength64 = 0;
            context.Response.Close();
        }
    }

    /// <summary>Waits until every one of <paramref name="paths"/> has received at least one request.</summary>
    public async Task<bool> WaitFor(IReadOnlyList<string> paths, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!paths.All(p => Requests.Keys.Any(k => k.StartsWith(p + " ", StringComparison.Ordinal))))
        {
            if (DateTime.UtcNow > deadline) return false;
            await Task.Delay(100);
        }
        return true;
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(5));
    }
}
