using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using SupplySim.Experiments.Results;
using SupplySim.Grains;

namespace SupplySim.Cli.Commands;

/// <summary>
/// The options every experiment command shares: --seed, --replicates, --parallel, --out, --checkpoint-every, --resume and
/// what the long tables hold (--format, --metrics, --every), with one-line errors.
/// </summary>
public sealed class ExperimentOptions
{
    public Option<ulong?> Seed { get; } = new("--seed")
    {
        Description = "Random seed (default: the scenario's 'seed'; for compare, the baseline's). Same binary, scenario and seed give identical results.",
        CustomParser = r => Whole(r, "--seed", 0, ulong.MaxValue) is { } v ? v : null,
    };

    public Option<int?> Replicates { get; }

    public Option<int?> Parallel { get; } = new("--parallel")
    {
        Description = $"Runs at a time (default: the number of processors, here {Environment.ProcessorCount}; on a cluster, that many per silo). Results do not depend on it.",
        CustomParser = r => Whole(r, "--parallel", 1, 256) is { } v ? (int)v : null,
    };

    public Option<string?> Out { get; }

    public Option<int?> CheckpointEvery { get; } = new("--checkpoint-every")
    {
        Description = $"Ticks between checkpoints of every shard (default on a cluster: the scenario's sharding.checkpoint-every, else {Scenarios.Scenario.DefaultCheckpointEvery}; on the embedded silo: none; 0: none). A run that loses a silo rolls back to the last one and replays; results do not depend on it.",
        HelpName = "K",
        CustomParser = r => Whole(r, "--checkpoint-every", 0, 1200) is { } v ? (int)v : null,
    };

    public Option<bool> Resume { get; } = new("--resume")
    {
        Arity = ArgumentArity.Zero,
        Description = "Continue the experiment in --out: reuse every run an earlier, interrupted attempt completed (same scenario, settings, seed and supplysim build) "
            + "and run only the rest; the files are the same as an uninterrupted run's. A folder holding another experiment is refused (exit code 2).",
    };

    public Option<string> Format { get; } = new("--format")
    {
        Description = "Format of the long tables: csv (default) or parquet (metrics.parquet instead of metrics.csv, typed and zstd-compressed, one column per "
            + "dimension key and per varied setting; a Parquet copy beside each CSV table). See docs/experiments.md.",
        DefaultValueFactory = _ => "csv",
    };

    public Option<string?> Metrics { get; } = new("--metrics")
    {
        Description = "Write only these metrics (comma-separated names, see docs/model.md) to the metrics table; summary.json and the other tables still use every metric.",
        HelpName = "NAME,...",
    };

    public Option<int?> Every { get; } = new("--every")
    {
        Description = "Write only every K-th tick to the metrics table (ticks where tick % K = K - 1: with monthly ticks and K = 12, each December). A sample, not a sum; summary.json still uses every tick.",
        HelpName = "K",
        CustomParser = r => Whole(r, "--every", 1, 1200) is { } v ? (int)v : null,
    };

    public ExperimentOptions(string replicatesDefault, string outDefault)
    {
        Replicates = new("--replicates")
        {
            Description = $"Runs per scenario, each on its own seed derived from the scenario seed (default: {replicatesDefault}).",
            CustomParser = r => Whole(r, "--replicates", 1, 10_000) is { } v ? (int)v : null,
        };
        Out = new("--out") { Description = $"Results folder (default: {outDefault})." };
    }

    public void AddTo(Command command)
    {
        command.Options.Add(Seed);
        command.Options.Add(Replicates);
        command.Options.Add(Parallel);
        command.Options.Add(Out);
        command.Options.Add(CheckpointEvery);
        command.Options.Add(Resume);
        command.Options.Add(Format);
        command.Options.Add(Metrics);
        command.Options.Add(Every);
    }

    /// <summary>--format, --metrics and --every; a mistake (an unknown format or metric) is a <see cref="UserInputException"/>, before anything runs.</summary>
    public OutputOptions Output(ParseResult parse)
    {
        var format = parse.GetValue(Format) switch
        {
            "csv" => TableFormat.Csv,
            "parquet" => TableFormat.Parquet,
            var other => throw new UserInputException($"--format must be csv or parquet, got '{other}'"),
        };
        var metrics = parse.GetValue(Metrics) is { } list ? OutputOptions.ParseMetrics(list) : null;
        return new OutputOptions(format, metrics, parse.GetValue(Every) ?? 1);
    }

    /// <summary>
    /// The command line as typed, for the manifest and the report ("how to reproduce"), without --resume: it does not
    /// change the results, and a resumed experiment's report then matches an uninterrupted one's.
    /// </summary>
    public static string CommandLine(ParseResult parse)
    {
        var words = parse.Tokens.Where(t => t.Value != "--resume").Select(t => t.Value.Contains(' ') ? $"\"{t.Value}\"" : t.Value).ToArray();
        // Never write a Redis password into manifests and reports.
        for (var i = 0; i + 1 < words.Length; i++)
            if (words[i] == "--redis-password") words[i + 1] = "***";
        return "supplysim " + string.Join(" ", words);
    }

    private static ulong? Whole(ArgumentResult r, string name, ulong min, ulong max)
    {
        var text = r.Tokens.Count > 0 ? r.Tokens[0].Value : "";
        if (ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max) return v;
        r.AddError($"{name} must be a whole number from {min} to {max}, got '{text}'");
        return null;
    }
}
