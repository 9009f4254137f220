using System.CommandLine;
using Spectre.Console;
using SupplySim.Experiments.Results;
using SupplySim.Grains;
using SupplySim.Scenarios;

namespace SupplySim.Cli.Commands;

/// <summary>`supplysim schema [--out FILE]`: the JSON Schema of scenario files, for editors (docs/scenario.schema.json is its committed copy).</summary>
public static class SchemaCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var outFile = new Option<string?>("--out") { Description = "Write the schema to this file instead of printing it." };
        var cmd = new Command("schema", "Print the JSON Schema of scenario files (every key, type, range, default and allowed name), or write it with --out.");
        cmd.Options.Add(outFile);
        cmd.SetAction(parse =>
        {
            if (parse.GetValue(outFile) is not { } path)
            {
                console.Profile.Out.Writer.Write(ScenarioSchema.Json); // raw: no wrapping or markup
                return SupplySimCommand.Ok;
            }
            if (Directory.Exists(path)) throw new UserInputException($"--out {path} is a folder; give a file name such as scenario.schema.json");
            try { AtomicFile.WriteAllText(path, ScenarioSchema.Json); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new UserInputException($"cannot write {path}: {e.Message}");
            }
            console.WriteLine($"wrote {path}");
            return SupplySimCommand.Ok;
        });
        return cmd;
    }
}
