using System.CommandLine;
using Spectre.Console;
using SupplySim.Grains;
using SupplySim.Scenarios;

namespace SupplySim.Cli.Commands;

/// <summary>`supplysim scenarios [--dir DIR]`: the shipped scenarios with the one-line question each answers.</summary>
public static class ScenariosCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var dir = new Option<string?>("--dir") { Description = "Folder of scenario files (default: scenarios/ here, or beside the supplysim install)." };
        var cmd = new Command("scenarios", "List the shipped scenarios (scenarios/*.yaml) with the question each answers.");
        cmd.Options.Add(dir);
        cmd.SetAction(parse =>
        {
            var folder = parse.GetValue(dir) ?? Shipped() ?? throw new UserInputException("no scenarios/ folder here or beside supplysim; give one with --dir");
            if (!Directory.Exists(folder)) throw new UserInputException($"--dir {folder} is not a folder");
            var table = new Table().Border(TableBorder.Rounded).AddColumn("File").AddColumn("Question");
            var bad = 0;
            foreach (var file in Directory.GetFiles(folder, "*.yaml").Order(StringComparer.Ordinal))
            {
                string question;
                try { question = ScenarioLoader.Load(file).Spec.Question; }
                catch (ScenarioException e)
                {
                    SupplySimCommand.Error(console, e.Message);
                    question = "(does not load; see `supplysim validate`)";
                    bad++;
                }
                table.AddRow(new Text(Path.GetFileName(file)), new Text(question));
            }
            console.Profile.Out.Writer.WriteLine($"Scenarios in {folder}{Path.DirectorySeparatorChar}"); // a path is never wrapped
            console.Write(table);
            console.WriteLine("Run one with `supplysim run FILE`; compare two with `supplysim compare BASELINE OTHER`.");
            return bad == 0 ? SupplySimCommand.Ok : SupplySimCommand.BadInput;
        });
        return cmd;
    }

    /// <summary>scenarios/ in the working folder, else the one beside the repository that holds this build.</summary>
    internal static string? Shipped() => Shipped("scenarios");

    /// <summary>A folder of the repository (scenarios, data/observed): in the working folder, else in the repository that holds this build.</summary>
    internal static string? Shipped(string folder)
    {
        if (Directory.Exists(folder)) return folder;
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (Directory.Exists(Path.Combine(d.FullName, folder)) && File.Exists(Path.Combine(d.FullName, "SupplySim.sln")))
                return Path.Combine(d.FullName, folder);
        return null;
    }
}
