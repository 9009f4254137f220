using System.CommandLine;
using Spectre.Console;
using SupplySim.Experiments;
using SupplySim.Hosting;

namespace SupplySim.Cli.Commands;

/// <summary>`supplysim run SCENARIO [--seed N] [--replicates N] [--parallel N] [--out DIR]`: one scenario, one or more replicates, on an embedded silo or (--redis) a cluster.</summary>
public static class RunCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var scenario = new Argument<string>("scenario") { Description = "Scenario file (.yaml), e.g. scenarios/quickstart.yaml." };
        var options = new ExperimentOptions("1", "results/<scenario>-seed<seed>, with -r<N> for N replicates");
        var cmd = new Command("run", "Run a scenario on an in-process silo: metrics.csv, summary.json (mean, 95% CI and quantiles per outcome), charts and report.html.");
        cmd.Arguments.Add(scenario);
        options.AddTo(cmd);
        var telemetryOptions = new TelemetryOptions();
        telemetryOptions.AddTo(cmd);
        var clusterFlags = new RedisClusterFlags(silo: false);
        clusterFlags.AddTo(cmd);
        cmd.SetAction(async (parse, cancellation) =>
        {
            var output = options.Output(parse);
            var telemetry = telemetryOptions.Read(parse);
            var cluster = clusterFlags.Read(parse);
            var replicates = parse.GetValue(options.Replicates) ?? 1;
            var plan = ExperimentPlan.ForRun(parse.GetValue(scenario)!, parse.GetValue(options.Seed), replicates, ExperimentOptions.CommandLine(parse));
            var dir = parse.GetValue(options.Out)
                ?? Path.Combine("results", $"{plan.Scenarios[0].Name}-seed{plan.Seed}{(replicates > 1 ? $"-r{replicates}" : "")}");
            return await ExperimentConsole.RunAsync(console, plan, dir, parse.GetValue(options.Parallel), cancellation, telemetry, cluster, parse.GetValue(options.CheckpointEvery), resume: parse.GetValue(options.Resume), output: output);
        });
        return cmd;
    }
}
