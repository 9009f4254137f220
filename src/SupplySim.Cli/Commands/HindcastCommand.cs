using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using SupplySim.Experiments;
using SupplySim.Experiments.Validation;
using SupplySim.Grains;

namespace SupplySim.Cli.Commands;

/// <summary>
/// `supplysim hindcast SCENARIO [--replicates N] [--observed DIR] [--holdout-from YEAR]`: runs the scenario's replicates
/// and compares every series it produces with the observed data (docs/validation.md#the-hindcast-command).
/// </summary>
public static class HindcastCommand
{
    public const int DefaultReplicates = 10, DefaultHoldoutFrom = 2020;
    public const string ObservedFolder = "data/observed";

    public static Command Create(IAnsiConsole console)
    {
        var scenario = new Argument<string>("scenario") { Description = "Scenario file (.yaml), e.g. scenarios/baseline.yaml." };
        var options = new ExperimentOptions(DefaultReplicates.ToString(CultureInfo.InvariantCulture), "results/hindcast-<scenario>-seed<seed>");
        var observed = new Option<string?>("--observed") { Description = $"Folder of observed data and its mapping.csv (default: {ObservedFolder} here, or in the repository of this build)." };
        var holdout = new Option<int>("--holdout-from")
        {
            Description = $"First year of the holdout sample; earlier years are the calibration sample (default: {DefaultHoldoutFrom}).",
            DefaultValueFactory = _ => DefaultHoldoutFrom,
        };
        var cmd = new Command("hindcast", "Run a scenario's replicates and compare every series it produces with observed data: hindcast.csv, hindcast-fit.csv (MAPE, bias, coverage per series, calibration and holdout years), charts and report.html.");
        cmd.Arguments.Add(scenario);
        options.AddTo(cmd);
        cmd.Options.Add(observed);
        cmd.Options.Add(holdout);
        cmd.SetAction(async (parse, cancellation) =>
        {
            var from = parse.GetValue(holdout);
            if (from is < 1900 or > 2200) throw new UserInputException($"--holdout-from must be a year from 1900 to 2200, got {from}");
            // The observed data is checked before anything runs or is written.
            var dir = parse.GetValue(observed) ?? ScenariosCommand.Shipped(ObservedFolder)
                ?? throw new UserInputException($"no {ObservedFolder}/ folder here or beside supplysim; give one with --observed");
            // The comparison reads every metric at every tick from metrics.csv: a save list, thinning or Parquet would starve it.
            if (options.Output(parse) != Experiments.Results.OutputOptions.Default)
                throw new UserInputException("hindcast compares every metric and month with the observed data, so it takes no --format, --metrics or --every; leave them out");
            var data = ObservedData.Load(dir);
            var plan = ExperimentPlan.ForRun(parse.GetValue(scenario)!, parse.GetValue(options.Seed), parse.GetValue(options.Replicates) ?? DefaultReplicates, ExperimentOptions.CommandLine(parse));
            var outDir = parse.GetValue(options.Out) ?? Path.Combine("results", $"hindcast-{plan.Scenarios[0].Name}-seed{plan.Seed}");
            console.WriteLine($"observed data: {data.Series.Count} series in {dir} ({data.Series.Sum(s => s.Points.Count)} values); holdout from {from}");
            return await ExperimentConsole.RunAsync(console, plan, outDir, parse.GetValue(options.Parallel), cancellation,
                checkpointEvery: parse.GetValue(options.CheckpointEvery), resume: parse.GetValue(options.Resume), analyse: d => Hindcast.Write(d, data, from));
        });
        return cmd;
    }
}
