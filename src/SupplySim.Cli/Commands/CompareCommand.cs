using System.CommandLine;
using Spectre.Console;
using SupplySim.Experiments;

namespace SupplySim.Cli.Commands;

/// <summary>`supplysim compare BASELINE.yaml OTHER.yaml [...]`: paired replicates with common random numbers, differences against the baseline.</summary>
public static class CompareCommand
{
    public const int DefaultReplicates = 10;

    public static Command Create(IAnsiConsole console)
    {
        var files = new Argument<string[]>("scenarios") { Description = "Scenario files (.yaml): the baseline first, then one or more to compare with it.", Arity = ArgumentArity.OneOrMore };
        var options = new ExperimentOptions(DefaultReplicates.ToString(System.Globalization.CultureInfo.InvariantCulture), "results/compare-<baseline>-vs-<other>-seed<seed>");
        var cmd = new Command("compare", "Compare scenarios with paired replicates (replicate i of each uses the same seed): mean, 95% CI, difference and relative difference per outcome; compare.csv, compare.json, charts and report.html.");
        var decompose = new Option<bool>("--decompose") { Description = "Also run each scenario with its people facing the baseline's market (one more run per scenario and replicate) and split the deaths averted into a direct and a market-mediated part (docs/experiments.md#direct-and-market-effects)." };
        cmd.Arguments.Add(files);
        cmd.Options.Add(decompose);
        options.AddTo(cmd);
        var clusterFlags = new RedisClusterFlags(silo: false);
        clusterFlags.AddTo(cmd);
        cmd.SetAction(async (parse, cancellation) =>
        {
            var output = options.Output(parse);
            // A held arm needs what the baseline's people saw in this process; a reused baseline run did not keep it.
            if (parse.GetValue(decompose) && parse.GetValue(options.Resume))
                throw new Grains.UserInputException("--decompose cannot be resumed yet (the held arms need the baseline runs' markets from this process); rerun without --resume");
            var plan = ExperimentPlan.ForCompare(parse.GetValue(files)!, parse.GetValue(options.Seed), parse.GetValue(options.Replicates) ?? DefaultReplicates, ExperimentOptions.CommandLine(parse), parse.GetValue(decompose));
            var dir = parse.GetValue(options.Out)
                ?? Path.Combine("results", $"compare-{string.Join("-vs-", plan.Arms.Select(a => ExperimentPlan.Slug(a.Run)))}-seed{plan.Seed}");
            return await ExperimentConsole.RunAsync(console, plan, dir, parse.GetValue(options.Parallel), cancellation, cluster: clusterFlags.Read(parse), checkpointEvery: parse.GetValue(options.CheckpointEvery), resume: parse.GetValue(options.Resume), output: output);
        });
        return cmd;
    }
}
