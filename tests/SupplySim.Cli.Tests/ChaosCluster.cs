using System.Diagnostics;

namespace SupplySim.Cli.Tests;

/// <summary>One fault of a chaos trial, at a time after the client submitted its runs.</summary>
public sealed record ChaosFault(TimeSpan At, bool RedisRestart, TimeSpan Pause)
{
    public override string ToString() => RedisRestart
        ? $"Redis kill -9 at {At.TotalSeconds:F1} s, back {Pause.TotalSeconds:F1} s later"
        : $"silo kill -9 at {At.TotalSeconds:F1} s, a new silo {Pause.TotalSeconds:F1} s later";
}

/// <summary>The faults of one trial, drawn from a seeded generator so that a failing trial can be repeated.</summary>
public sealed record ChaosPlan(IReadOnlyList<ChaosFault> Faults, int Victim)
{
    /// <summary>One or two silo kills, and a Redis restart when asked, at moments of the first 4 s after the runs were submitted.</summary>
    public static ChaosPlan Draw(Random random, bool redisRestart)
    {
        TimeSpan Seconds(double from, double to) => TimeSpan.FromSeconds(from + random.NextDouble() * (to - from));
        var faults = Enumerable.Range(0, random.Next(1, 3)).Select(_ => new ChaosFault(Seconds(0.2, 4), false, Seconds(0.5, 4))).ToList();
        if (redisRestart) faults.Add(new ChaosFault(Seconds(0.2, 4), true, Seconds(0.3, 1.5)));
        return new ChaosPlan(faults.OrderBy(f => f.At).ToArray(), random.Next());
    }

    public override string ToString() => string.Join("; ", Faults);
}

/// <summary>
/// A cluster for chaos trials: a redis-server that keeps its data on disk (so it can be killed and restarted) and three
/// `supplysim silo` processes; a trial applies a <see cref="ChaosPlan"/> while a client runs, then tops the silos up to three.
/// </summary>
public sealed class ChaosCluster : IAsyncDisposable
{
    private const int Silos = 3;
    private readonly string _data;
    private readonly List<SiloProcess> _silos = [];
    private RedisServer _redis;

    public string Id { get; } = $"chaos-{Guid.NewGuid():N}";

    public string Endpoint => _redis.Endpoint;

    private ChaosCluster(RedisServer redis, string data) => (_redis, _data) = (redis, data);

    public static async Task<ChaosCluster> StartAsync(string dataDir)
    {
        var cluster = new ChaosCluster(await RedisServer.StartAsync(dataDir: dataDir), dataDir);
        await cluster.TopUpAsync();
        return cluster;
    }

    /// <summary>Runs the client with <paramref name="args"/> while the plan's faults happen; null when it did not end within <paramref name="limit"/>.</summary>
    public async Task<(CliProcess.Result? Outcome, string Log)> TrialAsync(ChaosPlan plan, string[] args, TimeSpan limit)
    {
        var log = new List<string>();
        var joining = new List<Task>();
        var random = new Random(plan.Victim);
        var clock = Stopwatch.StartNew();
        var running = new TaskCompletionSource<TimeSpan>(TaskCreationOptions.RunContinuationsAsynchronously);
        var client = CliProcess.Run(limit, line =>
        {
            // The client prints "running N runs ..." once it is connected and submits them: the faults' time zero.
            if (line.StartsWith("running ", StringComparison.Ordinal)) running.TrySetResult(clock.Elapsed);
            return Task.CompletedTask;
        }, args);
        await Task.WhenAny(client, running.Task);
        var zero = running.Task.IsCompleted ? running.Task.Result : clock.Elapsed;
        foreach (var fault in plan.Faults)
        {
            var wait = zero + fault.At - clock.Elapsed;
            if (wait > TimeSpan.Zero) await Task.WhenAny(client, Task.Delay(wait));
            if (client.IsCompleted)
            {
                log.Add("the client ended before the rest");
                break;
            }
            if (fault.RedisRestart)
            {
                await _redis.DisposeAsync();
                await Task.Delay(fault.Pause);
                _redis = await RedisServer.StartAsync(onPort: _redis.Port, dataDir: _data);
                log.Add($"Redis back at {(clock.Elapsed - zero).TotalSeconds:F1} s");
            }
            else if (TakeVictim(random) is { } victim)
            {
                await victim.DisposeAsync();
                log.Add($"killed silo :{victim.Port} at {(clock.Elapsed - zero).TotalSeconds:F1} s");
                joining.Add(JoinAfter(fault.Pause));
            }
        }
        CliProcess.Result? outcome = null;
        try { outcome = await client; }
        catch (TimeoutException) { }
        log.Add($"client ended at {(clock.Elapsed - zero).TotalSeconds:F1} s");
        await Task.WhenAll(joining);
        await TopUpAsync();
        return (outcome, string.Join(", ", log));
    }

    /// <summary>A silo to kill, never the last one.</summary>
    private SiloProcess? TakeVictim(Random random)
    {
        lock (_silos)
        {
            if (_silos.Count < 2) return null;
            var victim = _silos[random.Next(_silos.Count)];
            _silos.Remove(victim);
            return victim;
        }
    }

    private async Task JoinAfter(TimeSpan pause)
    {
        await Task.Delay(pause);
        var silo = await StartSiloAsync();
        lock (_silos) _silos.Add(silo);
    }

    private async Task TopUpAsync()
    {
        while (_silos.Count < Silos) _silos.Add(await StartSiloAsync());
    }

    /// <summary>Starts a silo; a start that fails while Redis restarts is tried again.</summary>
    private async Task<SiloProcess> StartSiloAsync()
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await SiloProcess.StartAsync(Endpoint, Id, entryExpiry: false);
            }
            catch (InvalidOperationException) when (attempt < 3)
            {
                await Task.Delay(TimeSpan.FromSeconds(1));
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var silo in _silos) await silo.DisposeAsync();
        await _redis.DisposeAsync();
    }
}
