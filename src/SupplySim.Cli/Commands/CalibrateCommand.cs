using System.CommandLine;
using Spectre.Console;
using SupplySim.Experiments.Calibration;
using SupplySim.Experiments.Results;
using SupplySim.Grains;
using SupplySim.Scenarios;

namespace SupplySim.Cli.Commands;

/// <summary>`supplysim calibrate SCENARIO`: fits free parameters of a baseline to the report's figures and reports the error per year.</summary>
public static class CalibrateCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var scenario = new Argument<string>("scenario") { Description = "Baseline scenario to fit, e.g. scenarios/baseline.yaml." };
        var free = new Option<string?>("--free") { Description = $"Comma-separated parameters to fit (default: {string.Join(",", Calibrator.DefaultFree)}); with --target register, setting paths (default: the register population's rates and shares and its region's demand-reduction and outside-supply items)." };
        var target = new Option<string>("--target") { Description = "What to fit to: deaths (US overdose deaths, the baseline) or register (China's registered users, scenarios/china-users.yaml).", DefaultValueFactory = _ => "deaths" };
        target.AcceptOnlyFromAmong("deaths", "register");
        var max = new Option<int>("--max-evaluations") { Description = "Most runs the search may make.", DefaultValueFactory = _ => 60 };
        var replicates = new Option<int>("--replicates") { Description = "Seeds per evaluation (the replicate seeds of `run --replicates`); the loss scores their mean per year.", DefaultValueFactory = _ => 1 };
        var through = new Option<int?>("--through") { Description = "Fit only to the targets of this year and before (with --target deaths), e.g. 2019 for the holdout protocol of docs/validation.md; later years are left for the hindcast to judge.", HelpName = "YEAR" };
        var outDir = new Option<string?>("--out") { Description = "Folder for calibration.md (default: results/<scenario>-calibration)." };
        var cmd = new Command("calibrate", "Fit behaviour parameters of a baseline to US overdose deaths 2013/2021/2022, the 2023 decline and the 2021 fentanyl+stimulant share (--target register: China's register series).");
        cmd.Arguments.Add(scenario);
        cmd.Options.Add(target);
        cmd.Options.Add(free);
        cmd.Options.Add(max);
        cmd.Options.Add(replicates);
        cmd.Options.Add(through);
        cmd.Options.Add(outDir);
        cmd.SetAction(parse =>
        {
            if (parse.GetValue(target) == "register" && parse.GetValue(through) is not null) throw new UserInputException("--through applies to --target deaths only");
            if (parse.GetValue(target) == "register") return FitRegister(console, parse.GetValue(scenario)!, parse.GetValue(free), parse.GetValue(max), parse.GetValue(outDir));
            var sc = ScenarioLoader.Load(parse.GetValue(scenario)!);
            var names = (parse.GetValue(free) ?? string.Join(",", Calibrator.DefaultFree)).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            foreach (var n in names)
                if (!ScenarioLoader.ParameterNames.Contains(n))
                    throw new UserInputException($"--free: unknown parameter '{n}'; allowed: {string.Join(", ", ScenarioLoader.ParameterNames.Order(StringComparer.Ordinal))}");
            var evaluations = parse.GetValue(max);
            if (evaluations < 1) throw new UserInputException("--max-evaluations must be at least 1");
            var seeds = parse.GetValue(replicates);
            if (seeds is < 1 or > 64) throw new UserInputException("--replicates must be 1 to 64");
            var dir = parse.GetValue(outDir) ?? Path.Combine("results", $"{sc.Spec.Name}-calibration");
            Directory.CreateDirectory(dir);

            if (parse.GetValue(through) is { } last && last < sc.Spec.Start.Year)
                throw new UserInputException($"--through {last} is before the scenario starts ({sc.Spec.Start}); no target would be left");
            var calibrator = new Calibrator(sc.Spec, sc.FirmsPerShard, sc.PeoplePerShard, seeds, parse.GetValue(through) ?? int.MaxValue);
            var result = calibrator.Fit(names, evaluations, line => console.WriteLine($"  [{calibrator.Evaluations}] {line}"));
            var report = CalibrationReport.Markdown(sc, result);
            var path = Path.Combine(dir, "calibration.md");
            AtomicFile.WriteAllText(path, report);
            console.WriteLine(report);
            console.WriteLine($"wrote {path}");
            return SupplySimCommand.Ok;
        });
        return cmd;
    }

    private static int FitRegister(IAnsiConsole console, string file, string? free, int evaluations, string? outDir)
    {
        var sc = ScenarioLoader.Load(file);
        if (evaluations < 1) throw new UserInputException("--max-evaluations must be at least 1");
        var calibrator = new RegisterCalibrator(file);
        var paths = free?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? calibrator.DefaultFree().ToArray();
        var dir = outDir ?? Path.Combine("results", $"{sc.Spec.Name}-calibration");
        Directory.CreateDirectory(dir);
        RegisterCalibrationResult result;
        try { result = calibrator.Fit(paths, evaluations, line => console.WriteLine($"  [{calibrator.Evaluations}] {line}")); }
        catch (SettingPathException e) { throw new UserInputException($"--free: {e.Message}"); }
        var report = CalibrationReport.Markdown(sc, result);
        var path = Path.Combine(dir, "calibration.md");
        AtomicFile.WriteAllText(path, report);
        console.WriteLine(report);
        console.WriteLine($"wrote {path}");
        return SupplySimCommand.Ok;
    }
}
