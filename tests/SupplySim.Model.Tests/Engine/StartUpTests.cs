using SupplySim.Testing;
using Xunit;

namespace SupplySim.Model.Tests.Engine;

/// <summary>
/// The spin-up (docs/model.md#spin-up): every shipped scenario starts from a settled chain, so no month of its first year
/// exceeds twice the mean of that year's months 5 to 12, for overdose deaths and for supply reaching users.
/// </summary>
public class StartUpTests
{
    public static TheoryData<string> Shipped()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(Repo.Path("scenarios"), "*.yaml").Select(Path.GetFileName).Order(StringComparer.Ordinal)) data.Add(f!);
        return data;
    }

    [Theory]
    [MemberData(nameof(Shipped))]
    public void Given_A_Shipped_Scenario_When_It_Starts_Then_No_First_Year_Month_Bursts(string file)
    {
        var run = ScenarioRun.Of(file);
        var months = Math.Min(12, run.Spec.Ticks);
        foreach (var metric in new[] { "overdose_deaths", "supply_reaching_users_kg" })
        {
            var series = Enumerable.Range(0, months).Select(t => run.Sum(metric, "region=", t, t + 1)).ToArray();
            var settled = series.Skip(4).DefaultIfEmpty(0).Average();
            for (var t = 0; t < months; t++)
                Assert.True(series[t] <= 2 * settled,
                    $"{file}: {metric} in {run.Spec.DateOf(t)} is {series[t]:N1}, over twice the mean of months 5-12 ({settled:N1}): [{string.Join(", ", series.Select(v => v.ToString("N1")))}]");
        }
    }

    [Fact]
    public void Given_No_Spin_Up_When_The_Baseline_Starts_Then_Its_Second_Month_Bursts()
    {
        // The test above can fail: without the spin-up (and without the distribution stock, which would spread the lump over
        // months) the empty chain's first deliveries arrive in one lump.
        var run = ScenarioRun.Of("baseline.yaml", edits: d => d.Set("spin-up-months", 0).Set("parameters.distribution-cover-months", 0));
        var supply = Enumerable.Range(0, 12).Select(t => run.Sum("supply_reaching_users_kg", "region=", t, t + 1)).ToArray();
        Assert.True(supply[1] > 2 * supply.Skip(4).Average(), $"supply [{string.Join(", ", supply.Select(v => v.ToString("N1")))}]");
    }
}
