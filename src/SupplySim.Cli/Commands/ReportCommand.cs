using System.CommandLine;
using System.Text.Json;
using Spectre.Console;
using SupplySim.Cli.Rendering;
using SupplySim.Experiments;
using SupplySim.Experiments.Reports;

namespace SupplySim.Cli.Commands;

/// <summary>`supplysim report DIR`: rebuilds the tables, charts and report.html of a results folder from its files alone (no runs).</summary>
public static class ReportCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var dir = new Argument<string>("folder") { Description = "A results folder written by run, compare or sweep." };
        var cmd = new Command("report", "Rebuild a results folder's tables, charts and report.html from its replicates.csv, timeseries.csv and manifest.json.");
        cmd.Arguments.Add(dir);
        cmd.SetAction(parse =>
        {
            var folder = parse.GetValue(dir)!;
            var plan = ExperimentManifest.ReadPlan(folder);
            using var manifest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, ExperimentManifest.File)));
            var version = manifest.RootElement.TryGetProperty("version", out var v) ? v.GetString() ?? "?" : "?";
            var files = ExperimentReport.Build(folder, plan, version, table => ConsoleTables.Write(console, table));
            string[] inputs = [ResultsAssembly.MetricsFile, ResultsAssembly.ReplicatesFile, ResultsAssembly.TimeSeriesFile, ExperimentManifest.File, "runs/",
                Experiments.Validation.HindcastRow.File, Experiments.Validation.ModelPoint.File];
            ExperimentConsole.Wrote(console, folder, files.Except(inputs).ToArray());
            return SupplySimCommand.Ok;
        });
        return cmd;
    }
}
