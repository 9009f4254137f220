using System.CommandLine;
using Spectre.Console;
using SupplySim.Cli.Rendering;
using SupplySim.Experiments;
using SupplySim.Experiments.Reports;
using SupplySim.Experiments.Running;
using SupplySim.Grains;

namespace SupplySim.Cli.Commands;

/// <summary>
/// `supplysim report DIR`: rebuilds the tables, charts and report.html of a results folder from its files alone (no
/// runs). For an experiment that did not complete, from the runs that did, marked partial (summary.json, report.html).
/// </summary>
public static class ReportCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var dir = new Argument<string>("folder") { Description = "A results folder written by run, compare or sweep (complete, or interrupted: then a partial report of the runs that completed)." };
        var cmd = new Command("report", "Rebuild a results folder's tables, charts and report.html from its replicates.csv, timeseries.csv and manifest.json.");
        cmd.Arguments.Add(dir);
        cmd.SetAction(parse =>
        {
            var folder = parse.GetValue(dir)!;
            var stored = ExperimentManifest.Read(folder);
            var plan = stored.Plan;
            PartialRuns? partial = null;
            if (stored.Status != ExperimentStatus.Completed)
            {
                var completed = Enumerable.Range(0, plan.Runs)
                    .Select(j => CompletedRun.Read(plan.RunDirectory(folder, j / plan.Replicates, j % plan.Replicates), key: null) is not null).ToArray();
                var n = completed.Count(c => c);
                if (n == 0) throw new UserInputException($"{folder}: none of its {plan.Runs} runs completed (manifest status: {stored.Status.ToString().ToLowerInvariant()}), so there is nothing to report; run the same command with --resume");
                partial = new PartialRuns(n, plan.Runs, stored.Status);
                ResultsAssembly.AssembleCompleted(plan, folder, completed);
                console.WriteLine(partial.Sentence);
            }
            var files = ExperimentReport.Build(folder, plan, stored.Version, table => ConsoleTables.Write(console, table), partial);
            string[] inputs = [ResultsAssembly.MetricsFile, ResultsAssembly.ReplicatesFile, ResultsAssembly.TimeSeriesFile, ExperimentManifest.File, "runs/",
                Experiments.Validation.HindcastRow.File, Experiments.Validation.ModelPoint.File];
            ExperimentConsole.Wrote(console, folder, files.Except(inputs).ToArray());
            return SupplySimCommand.Ok;
        });
        return cmd;
    }
}
