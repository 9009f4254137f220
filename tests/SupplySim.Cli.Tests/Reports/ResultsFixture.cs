using System.Globalization;
using SupplySim.Experiments;
using SupplySim.Experiments.Analysis;
using SupplySim.Experiments.Results;
using SupplySim.Scenarios;
using SupplySim.Testing;

namespace SupplySim.Cli.Tests.Reports;

/// <summary>
/// Writes results folders with known numbers (no simulation): what `supplysim report` reads (manifest.json,
/// replicates.csv, timeseries.csv). Tables and verdicts built from them are fixed, so console output can be golden.
/// </summary>
public static class ResultsFixture
{
    private static readonly ScenarioEntry World = new("world", "/fixtures/world.yaml", new string('a', 64),
        "What does the policy change?", "Fixture: numbers chosen by hand.", "2020-01", "2020-03", 3);

    /// <summary>A baseline and a policy, 3 replicates; the policy averts 50, 60 and 40 deaths for USD 10M more.</summary>
    public static string Compare()
    {
        var plan = new ExperimentPlan(ExperimentKind.Compare, [World, World with { Name = "policy" }],
            [new ArmEntry("baseline", "00-baseline", 0, []), new ArmEntry("policy", "01-policy", 1, [])], 7, 3, null, "supplysim compare a.yaml b.yaml --replicates 3");
        return Write(plan, (arm, outcome, r) => outcome.Key switch
        {
            var k when k == Outcomes.Deaths => arm == 0 ? new[] { 1000.0, 1100, 900 }[r] : new[] { 950.0, 1040, 860 }[r],
            var k when k == Outcomes.Spend => arm == 0 ? 10e6 : 20e6,
            _ => (10 + r) * (arm == 0 ? 1 : 1.1),
        });
    }

    /// <summary>
    /// A sweep of parameters.penalty-multiple over 0, 0.25, ..., 3 (3 replicates): deaths fall by 1000 (1 - e^-x), concave by
    /// construction, so returns diminish at step 4 (0.75 to 1); every other outcome is linear in x and never diminishes.
    /// </summary>
    public static string Sweep()
    {
        var sweep = SweepDefinition.Of([SweepAxis.Range("parameters.penalty-multiple", "0", "3", "0.25")]);
        var arms = Enumerable.Range(0, sweep.Points).Select(p => new ArmEntry($"world @ parameters.penalty-multiple={sweep.Axes[0].Values[p]}", $"p{p:D3}", 0, sweep.Overrides(p))).ToArray();
        var plan = new ExperimentPlan(ExperimentKind.Sweep, [World], arms, 7, 3, sweep, "supplysim sweep world.yaml --vary parameters.penalty-multiple=0:3:0.25 --replicates 3");
        return Write(plan, (arm, outcome, r) =>
        {
            var x = sweep.Axes[0].X(arm);
            return outcome.Key == Outcomes.Deaths ? 10_000 - 1000 * (1 - Math.Exp(-x)) + 37 * r : 5 * x + r;
        });
    }

    private static string Write(ExperimentPlan plan, Func<int, Outcome, int, double> value)
    {
        var dir = Repo.TempDir("fixture");
        File.WriteAllText(Path.Combine(dir, ResultsAssembly.ReplicatesFile), ResultsAssembly.ReplicatesHeader + "\n" + string.Concat(
            from a in Enumerable.Range(0, plan.Arms.Count)
            from r in Enumerable.Range(0, plan.Replicates)
            from o in Outcomes.Headline
            select CsvLine.Join([plan.Arms[a].Run, $"{r}", plan.Seeds[r].ToString(CultureInfo.InvariantCulture), o.Key, CsvLine.Text(value(a, o, r))]) + "\n"));
        File.WriteAllText(Path.Combine(dir, ResultsAssembly.TimeSeriesFile), ResultsAssembly.TimeSeriesHeader + "\n" + string.Concat(
            from a in Enumerable.Range(0, plan.Arms.Count)
            from t in Enumerable.Range(0, 3)
            from s in Outcomes.Series
            select CsvLine.Join([plan.Arms[a].Run, $"{t}", $"2020-0{t + 1}", s.Key, "3", $"{10 * t + a}", "1", $"{10 * t + a - 2}", $"{10 * t + a + 2}", "0", "40"]) + "\n"));
        ExperimentManifest.Write(dir, plan, ExperimentStatus.Completed, new ExperimentManifest.RunFacts(DateTimeOffset.UnixEpoch, TimeSpan.Zero, 1, []), []);
        return dir;
    }
}
