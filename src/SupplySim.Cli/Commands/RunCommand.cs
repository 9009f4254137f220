using System.CommandLine;
using Spectre.Console;
using SupplySim.Cli.Hosting;
using SupplySim.Cli.Running;
using SupplySim.Scenarios;

namespace SupplySim.Cli.Commands;

/// <summary>`supplysim run SCENARIO [--seed N] [--out DIR]`: one run on an embedded silo.</summary>
public static class RunCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var scenario = new Argument<string>("scenario") { Description = "Scenario file (.yaml), e.g. scenarios/quickstart.yaml." };
        var seed = new Option<ulong?>("--seed")
        {
            Description = "Random seed (default: the scenario's 'seed'). Same binary, scenario and seed give identical results.",
            CustomParser = r =>
            {
                var text = r.Tokens.Count > 0 ? r.Tokens[0].Value : "";
                if (ulong.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var v)) return v;
                r.AddError($"--seed must be a whole number from 0 to {ulong.MaxValue}, got '{text}'");
                return null;
            },
        };
        var outDir = new Option<string?>("--out") { Description = "Results folder (default: results/<scenario>-seed<seed>)." };
        var cmd = new Command("run", "Run a scenario on an in-process silo and write metrics.csv, summary.json and manifest.json.");
        cmd.Arguments.Add(scenario);
        cmd.Options.Add(seed);
        cmd.Options.Add(outDir);
        var telemetryOptions = new TelemetryOptions();
        telemetryOptions.AddTo(cmd);
        cmd.SetAction(async (parse, cancellation) =>
        {
            var telemetry = telemetryOptions.Read(parse);
            var sc = ScenarioLoader.Load(parse.GetValue(scenario)!);
            var s = parse.GetValue(seed) ?? sc.Spec.Seed;
            var dir = parse.GetValue(outDir) ?? Path.Combine("results", $"{sc.Spec.Name}-seed{s}");
            CheckWritable(dir);

            console.MarkupLineInterpolated($"[bold]{sc.Spec.Name}[/]: {sc.Spec.Question}");
            await using var silo = await EmbeddedSilo.StartAsync(telemetry, cancellation);
            TelemetryConsole.Announce(console, telemetry);
            var progress = new ConsoleProgress(console);
            var outcome = await progress.Track(() => RunExecutor.RunAsync(silo.Grains, sc, s, dir, progress, cancellation));
            if (!outcome.Completed) throw new OperationCanceledException();
            console.MarkupLineInterpolated($"{outcome.TicksRun} ticks on {outcome.Silos} silo ({outcome.Shards} shards) in {outcome.Wall.TotalSeconds:F1} s; overdose deaths: {outcome.DeathsTotal:N0}");
            console.WriteLine($"wrote {dir}{Path.DirectorySeparatorChar}");
            foreach (var file in new[] { "metrics.csv", "summary.json", "manifest.json" }) console.WriteLine($"  {Path.Combine(dir, file)}");
            await TelemetryConsole.LingerAsync(console, telemetry, cancellation);
            return SupplySimCommand.Ok;
        });
        return cmd;
    }

    private static void CheckWritable(string dir)
    {
        if (File.Exists(dir)) throw new UserInputException($"--out {dir} is a file; give a folder for the results");
        try
        {
            Directory.CreateDirectory(dir);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserInputException($"cannot create the results folder {dir}: {e.Message}");
        }
    }
}
