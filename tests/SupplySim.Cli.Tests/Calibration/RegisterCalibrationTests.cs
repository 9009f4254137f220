using Spectre.Console.Testing;
using SupplySim.Cli.Commands;
using SupplySim.Experiments.Calibration;
using SupplySim.Testing;
using Xunit;

namespace SupplySim.Cli.Tests.Calibration;

/// <summary>`supplysim calibrate --target register`: China's register fit (docs/calibration.md#chinas-registered-users).</summary>
public class RegisterCalibrationTests
{
    private static readonly string China = Repo.Scenario("china-users.yaml");

    [Fact]
    public void Should_Start_From_The_Shipped_Fit_And_Find_Every_Default_Setting()
    {
        var calibrator = new RegisterCalibrator(China);
        var free = calibrator.DefaultFree();
        // Seven population settings, the two user-side budgets, the demand-reduction and the outside-supply items.
        Assert.Equal(12, free.Count);
        Assert.Contains(free, p => p.EndsWith(".nps-share", StringComparison.Ordinal));
        Assert.Contains(free, p => p.EndsWith(".registered-cessation-rate", StringComparison.Ordinal));
        Assert.Equal(2, free.Count(p => p.EndsWith(".budget-usd-per-month", StringComparison.Ordinal)));
        Assert.Single(free, p => p.EndsWith(".initiation-multiplier", StringComparison.Ordinal));
        Assert.Single(free, p => p.EndsWith("].multiplier", StringComparison.Ordinal));

        var years = calibrator.Run(new Dictionary<string, double>());
        var loss = RegisterCalibrator.Loss(years);
        Assert.True(loss < 0.35, $"loss {loss:F4} (the shipped fit scores 0.271)");
        // A worse start scores worse: halving the identification rate.
        var worse = calibrator.Run(new Dictionary<string, double> { [free.Single(p => p.EndsWith(".registration-rate", StringComparison.Ordinal))] = 0.05 });
        Assert.True(RegisterCalibrator.Loss(worse) > loss + 0.1);
    }

    [Fact]
    public async Task Should_Write_The_Register_Report_And_Refuse_A_Scenario_Without_A_Register()
    {
        var dir = Path.Combine(Path.GetTempPath(), $"supplysim-register-{Guid.NewGuid():N}");
        try
        {
            var console = new TestConsole().Width(200);
            Assert.Equal(0, await SupplySimCommand.InvokeAsync(["calibrate", China, "--target", "register", "--max-evaluations", "2", "--out", dir], console));
            var report = File.ReadAllText(Path.Combine(dir, "calibration.md"));
            Assert.Contains("| 2023 |", report);
            Assert.Contains("896,000 (", report);
            Assert.Contains("Price 2020 against 2019", report);

            // Mistakes are one line on standard error and exit code 2.
            var bad = await CliProcess.Run("calibrate", "scenarios/baseline.yaml", "--target", "register", "--out", dir);
            Assert.Equal(2, bad.ExitCode);
            Assert.Contains("no population in CN keeps a register", bad.StdErr);
            Assert.Single(bad.StdErr.Trim().Split('\n'));
            var path = await CliProcess.Run("calibrate", "scenarios/china-users.yaml", "--target", "register", "--free", "actors.populations[9].initiation-rate", "--out", dir);
            Assert.Equal(2, path.ExitCode);
            Assert.Contains("--free: actors.populations[9].initiation-rate", path.StdErr);
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, true);
        }
    }
}
