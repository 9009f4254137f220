using System.CommandLine;
using Spectre.Console;
using SupplySim.Experiments;
using SupplySim.Grains;
using SupplySim.Scenarios;

namespace SupplySim.Cli.Commands;

/// <summary>`supplysim validate FILE...`: checks scenario files without running them.</summary>
public static class ValidateCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var files = new Argument<string[]>("files") { Description = "Scenario files (.yaml) to check.", Arity = ArgumentArity.OneOrMore };
        var cmd = new Command("validate", "Check scenario files: every key, type, range and date; prints file:line:column for each mistake.");
        cmd.Arguments.Add(files);
        cmd.SetAction(parse =>
        {
            var bad = 0;
            foreach (var f in parse.GetValue(files) ?? [])
            {
                try
                {
                    var s = ScenarioLoader.Load(f);
                    var sweep = SweepCheck(f);
                    console.MarkupLineInterpolated($"[green]ok[/]    {f} ({s.Spec.Name}: {s.Spec.Start} to {s.Spec.DateOf(s.Spec.Ticks - 1)}, {s.Spec.Ticks} ticks{sweep})");
                }
                catch (Exception e) when (e is ScenarioException or UserInputException)
                {
                    SupplySimCommand.Error(console, e.Message);
                    bad++;
                }
            }
            return bad == 0 ? SupplySimCommand.Ok : SupplySimCommand.BadInput;
        });
        return cmd;
    }

    /// <summary>Compiles every point of the file's sweep: block, if it has one (its shape was checked by the loader).</summary>
    private static string SweepCheck(string file)
    {
        if (SweepDefinition.FromFile(file) is not { } sweep) return "";
        try { ExperimentPlan.ForSweep(file, sweep, null, 1, ""); }
        catch (SweepPointException e) { throw new UserInputException($"{file}: sweep: {e.Message}"); }
        return $"; sweep of {sweep.Points} points over {string.Join(", ", sweep.Axes.Select(a => a.Path))}";
    }
}
