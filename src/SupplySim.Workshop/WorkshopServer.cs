using System.IO.Compression;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Http = Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SupplySim.Experiments;
using SupplySim.Experiments.Analysis;
using SupplySim.Scenarios;

namespace SupplySim.Workshop;

/// <summary>The body of POST /api/run: lever values by id (text, as the page's controls hold them), and how to pace the run.</summary>
public sealed record WorkshopRunRequest(Dictionary<string, JsonElement>? Levers, ulong? Seed, int? DelayMs, bool? Paused);

/// <summary>The body of POST /api/sweep: the dose-response sweep and the levers it starts from.</summary>
public sealed record SweepRequest(Dictionary<string, JsonElement>? Levers, ulong? Seed, string? Lever, double? From, double? To, int? Points, int? Replicates);

/// <summary>
/// Workshop mode's web server (ASP.NET Core, Kestrel on 127.0.0.1 only): the page and its scripts from embedded
/// resources, and a small JSON API over one scenario's levers, one live run at a time (run, pause, step, reset,
/// polled tick by tick), the dose-response sweep, and the download of a run's results folder.
/// </summary>
public sealed class WorkshopServer : IAsyncDisposable
{
    public const int MaxDelayMs = 2000;

    private readonly WebApplication _app;
    private readonly LeverCatalogue _catalogue;
    private readonly IGrainFactory _grains;
    private readonly string _workDir;
    private readonly SemaphoreSlim _lock = new(1, 1);
    private LiveRun? _run;
    private DoseSweep? _sweep;
    private int _runs, _sweeps;

    private WorkshopServer(WebApplication app, LeverCatalogue catalogue, IGrainFactory grains, string workDir)
    {
        _app = app;
        _catalogue = catalogue;
        _grains = grains;
        _workDir = workDir;
    }

    /// <summary>The addresses Kestrel listens on (every one on 127.0.0.1).</summary>
    public IReadOnlyList<string> Addresses => _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.ToArray();

    public string Url => Addresses[0].TrimEnd('/') + "/";

    /// <summary>Starts serving <paramref name="catalogue"/>'s scenario on 127.0.0.1:<paramref name="port"/> (0: any free port); runs go to folders under <paramref name="workDir"/>.</summary>
    public static async Task<WorkshopServer> StartAsync(LeverCatalogue catalogue, IGrainFactory grains, int port, string workDir, CancellationToken cancellation)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port));
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase);
        // Loopback is not enough against a web page that rebinds its own name to 127.0.0.1: answer only to this machine's names.
        builder.Services.Configure<Microsoft.AspNetCore.HostFiltering.HostFilteringOptions>(o => o.AllowedHosts = ["127.0.0.1", "localhost"]);
        var app = builder.Build();
        app.UseHostFiltering();
        Directory.CreateDirectory(workDir);
        var server = new WorkshopServer(app, catalogue, grains, workDir);
        server.Map();
        await app.StartAsync(cancellation);
        return server;
    }

    private void Map()
    {
        foreach (var asset in WorkshopAssets.All)
            _app.MapGet(asset.Route, () => Http.Results.Bytes(asset.Bytes, asset.ContentType));
        _app.MapGet("/api/scenario", Scenario);
        _app.MapPost("/api/run", StartRun);
        _app.MapGet("/api/run", (int? since) => ReadRun(since ?? 0));
        _app.MapPost("/api/run/pause", () => Control(r => r.Pause()));
        _app.MapPost("/api/run/resume", () => Control(r => r.Resume()));
        _app.MapPost("/api/run/step", () => Control(r => r.Step()));
        _app.MapPost("/api/run/speed", (int? delayMs) => delayMs is >= 0 and <= MaxDelayMs
            ? Control(r => r.Speed(delayMs.Value))
            : Bad($"delayMs must be a whole number of milliseconds from 0 to {MaxDelayMs}"));
        _app.MapPost("/api/run/reset", Reset);
        _app.MapGet("/api/run/download", Download);
        _app.MapPost("/api/sweep", StartSweep);
        _app.MapGet("/api/sweep", ReadSweep);
    }

    private IResult Scenario()
    {
        var spec = _catalogue.Scenario.Spec;
        return Http.Results.Json(new
        {
            name = spec.Name,
            question = spec.Question,
            description = ExperimentPlan.Description(_catalogue.ScenarioFile),
            file = Path.GetFileName(_catalogue.ScenarioFile),
            start = _catalogue.Start.ToString(),
            end = _catalogue.End.ToString(),
            ticks = spec.Ticks,
            seed = spec.Seed,
            levers = _catalogue.Levers.Select(l => new
            {
                l.Id,
                l.Group,
                l.Label,
                kind = l.Kind.ToString().ToLowerInvariant(),
                l.Min,
                l.Max,
                l.Step,
                @default = l.Default,
                l.Unit,
                l.Help,
                added = l.Added is not null,
                l.Sweepable,
            }),
            series = Outcomes.Series.Select(s => new { s.Key, s.Label, s.Unit }),
        });
    }

    private async Task<IResult> StartRun(HttpRequest http)
    {
        var (request, problem) = await Body<WorkshopRunRequest>(http);
        if (request is null) return Bad(problem!);
        if (request.DelayMs is < 0 or > MaxDelayMs) return Bad($"delayMs must be a whole number of milliseconds from 0 to {MaxDelayMs}");
        await _lock.WaitAsync();
        try
        {
            var levers = _catalogue.Check(Texts(request.Levers));
            if (_run is not null) await _run.StopAsync();
            var id = ++_runs;
            _run = LiveRun.Start(_grains, _catalogue, levers, request.Seed ?? _catalogue.Scenario.Spec.Seed, Path.Combine(_workDir, $"run-{id:D3}"), id,
                request.DelayMs ?? 0, request.Paused ?? false);
            return Http.Results.Json(new { id, seed = _run.Seed, edits = _run.Edit.Describe() });
        }
        catch (Exception e) when (e is LeverValueException or ScenarioException or SettingPathException)
        {
            return Bad(e.Message);
        }
        finally { _lock.Release(); }
    }

    private IResult ReadRun(int since)
    {
        var run = _run;
        if (run is null) return Http.Results.Json(new { status = "idle" });
        var (status, planned, ticks, rate, delay) = run.Read(since);
        return Http.Results.Json(new
        {
            id = run.Id,
            status = status.ToString().ToLowerInvariant(),
            seed = run.Seed,
            planned,
            ticks,
            ticksPerSecond = Math.Round(rate, 1),
            delayMs = delay,
            levers = run.Levers,
            edits = run.Edit.Describe(),
            headline = status == LiveStatus.Done ? run.Headline : null,
            error = run.Error,
        });
    }

    private IResult Control(Action<LiveRun> action)
    {
        if (_run is not { } run) return Bad("no run yet; press Run first");
        action(run);
        return Http.Results.Json(new { ok = true });
    }

    private async Task<IResult> Reset()
    {
        await _lock.WaitAsync();
        try
        {
            if (_run is not null) await _run.StopAsync();
            _run = null;
            return Http.Results.Json(new { ok = true });
        }
        finally { _lock.Release(); }
    }

    private IResult Download()
    {
        if (_run is not { } run || run.Read(int.MaxValue).Status != LiveStatus.Done) return Bad("no completed run to download; run to the end first");
        var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var f in new[] { LiveRun.ScenarioFile, "metrics.csv", "summary.json", "manifest.json" })
                archive.CreateEntryFromFile(Path.Combine(run.Directory, f), f, CompressionLevel.Fastest);
        var name = $"{ExperimentPlan.Slug(_catalogue.Scenario.Spec.Name)}-workshop-run{run.Id}-seed{run.Seed}.zip";
        return Http.Results.File(zip.ToArray(), "application/zip", name);
    }

    private async Task<IResult> StartSweep(HttpRequest http)
    {
        var (request, problem) = await Body<SweepRequest>(http);
        if (request is null) return Bad(problem!);
        if (request.Lever is null || request.From is null || request.To is null)
            return Bad("a sweep needs lever, from and to (and optionally points and replicates)");
        await _lock.WaitAsync();
        try
        {
            var levers = _catalogue.Check(Texts(request.Levers));
            if (_sweep is not null) await _sweep.StopAsync();
            var id = ++_sweeps;
            _sweep = DoseSweep.Start(_grains, _catalogue, levers, new DoseRequest(request.Lever, request.From.Value, request.To.Value, request.Points ?? 5, request.Replicates ?? 3),
                request.Seed ?? _catalogue.Scenario.Spec.Seed, Path.Combine(_workDir, $"sweep-{id:D3}"));
            return Http.Results.Json(new { id, total = _sweep.Total });
        }
        catch (Exception e) when (e is LeverValueException or ScenarioException or SettingPathException or SweepPointException or SweepRangeException)
        {
            return Bad(e.Message);
        }
        finally { _lock.Release(); }
    }

    private IResult ReadSweep()
    {
        if (_sweep is not { } s) return Http.Results.Json(new { status = "idle" });
        var status = s.Error is not null ? "failed" : s.Result is not null ? "done" : "running";
        return Http.Results.Json(new { status, done = s.Done, total = s.Total, result = s.Result, error = s.Error });
    }

    /// <summary>Lever values as text: the page sends numbers, strings ("off", "2019-05") or booleans for switches.</summary>
    private static Dictionary<string, string?> Texts(Dictionary<string, JsonElement>? levers)
        => (levers ?? []).ToDictionary(kv => kv.Key, kv => kv.Value.ValueKind switch
        {
            JsonValueKind.String => kv.Value.GetString(),
            JsonValueKind.True => LeverSlider.On,
            JsonValueKind.False => LeverSlider.Off,
            JsonValueKind.Null or JsonValueKind.Undefined => null,
            _ => kv.Value.GetRawText(),
        }, StringComparer.Ordinal);

    private static async Task<(T? Value, string? Problem)> Body<T>(HttpRequest http) where T : class
    {
        // Only JSON: a form on another site can post text to 127.0.0.1 without asking, but not JSON.
        if (!http.HasJsonContentType()) return (null, "send the request body as JSON (Content-Type: application/json)");
        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(http.Body, new JsonSerializerOptions(JsonSerializerDefaults.Web));
            return value is null ? (null, "the request body is empty; send a JSON object") : (value, null);
        }
        catch (JsonException e)
        {
            return (null, $"the request body is not the JSON expected: {e.Message}");
        }
    }

    private static IResult Bad(string message) => Http.Results.Json(new { error = message }, statusCode: StatusCodes.Status400BadRequest);

    public async ValueTask DisposeAsync()
    {
        if (_run is not null) await _run.StopAsync();
        if (_sweep is not null)
        {
            await _sweep.StopAsync();
            try { await _sweep.Completion; }
            catch (Exception) { }
        }
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
