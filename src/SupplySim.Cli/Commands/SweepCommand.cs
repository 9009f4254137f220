using System.CommandLine;
using Spectre.Console;
using SupplySim.Experiments;
using SupplySim.Grains;
using SupplySim.Scenarios;

namespace SupplySim.Cli.Commands;

/// <summary>
/// `supplysim sweep SCENARIO --vary PATH=FROM:TO:STEP [...]`: a grid over numeric or date settings (or the file's
/// sweep: block), with replicates on common seeds: dose-response, marginal effects and where returns diminish.
/// </summary>
public static class SweepCommand
{
    public const int DefaultReplicates = 5;

    public static Command Create(IAnsiConsole console)
    {
        var scenario = new Argument<string>("scenario") { Description = "Scenario file (.yaml)." };
        var vary = new Option<string[]>("--vary")
        {
            Description = "PATH=FROM:TO:STEP or PATH=V1,V2,...: a numeric setting by its YAML path, e.g. actors.agencies[0].budget-usd-per-month=0:2e8:5e7, "
                + "interventions[2].date=2018-01:2020-01:6 (months), parameters.penalty-multiple=5,10,20. Repeat for a grid; the first is the x axis. Default: the file's sweep: block.",
            AllowMultipleArgumentsPerToken = false,
        };
        var options = new ExperimentOptions($"the sweep block's replicates, else {DefaultReplicates}", "results/sweep-<scenario>-seed<seed>");
        var cmd = new Command("sweep", "Sweep settings over a range: dose-response per outcome with 95% CIs, the marginal effect of each step, where returns diminish; sweep.csv, marginal.csv, sweep.json, charts and report.html.");
        cmd.Arguments.Add(scenario);
        cmd.Options.Add(vary);
        options.AddTo(cmd);
        var clusterFlags = new RedisClusterFlags(silo: false);
        clusterFlags.AddTo(cmd);
        cmd.SetAction(async (parse, cancellation) =>
        {
            var output = options.Output(parse);
            var file = parse.GetValue(scenario)!;
            ScenarioLoader.Load(file); // the file itself first: its own mistakes are reported with line and column
            var texts = parse.GetValue(vary) ?? [];
            var sweep = texts.Length > 0 ? FromVary(file, texts)
                : SweepDefinition.FromFile(file) ?? throw new UserInputException($"{file} has no sweep: block; say what to vary with --vary PATH=FROM:TO:STEP (see `supplysim sweep --help`)");
            ExperimentPlan plan;
            try
            {
                plan = ExperimentPlan.ForSweep(file, sweep, parse.GetValue(options.Seed), parse.GetValue(options.Replicates) ?? sweep.Replicates ?? DefaultReplicates, ExperimentOptions.CommandLine(parse));
            }
            catch (SweepPointException e)
            {
                throw new UserInputException(texts.Length == 1 ? $"--vary {texts[0]}: {e.Message}" : texts.Length > 1 ? $"--vary: {e.Message}" : $"{file}: sweep: {e.Message}");
            }
            var dir = parse.GetValue(options.Out) ?? Path.Combine("results", $"sweep-{ExperimentPlan.Slug(plan.Scenarios[0].Name)}-seed{plan.Seed}");
            return await ExperimentConsole.RunAsync(console, plan, dir, parse.GetValue(options.Parallel), cancellation, cluster: clusterFlags.Read(parse), checkpointEvery: parse.GetValue(options.CheckpointEvery), resume: parse.GetValue(options.Resume), output: output);
        });
        return cmd;
    }

    /// <summary>Reads each --vary and checks its path against the file; every mistake names the --vary it came from.</summary>
    private static SweepDefinition FromVary(string file, IReadOnlyList<string> texts)
    {
        var axes = new List<SweepAxis>();
        foreach (var text in texts)
        {
            try
            {
                var axis = SweepAxis.Parse(text);
                axis.CheckKind(ScenarioOverrides.Inspect(file, axis.Path));
                axes.Add(axis);
            }
            catch (Exception e) when (e is SweepRangeException or SettingPathException)
            {
                throw new UserInputException($"--vary {text}: {e.Message}");
            }
        }
        try { return SweepDefinition.Of(axes); }
        catch (SweepRangeException e) { throw new UserInputException($"--vary: {e.Message}"); }
    }
}
