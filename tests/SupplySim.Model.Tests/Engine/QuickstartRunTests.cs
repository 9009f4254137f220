using SupplySim.Model.Engine;
using SupplySim.Model.Metrics;
using SupplySim.Model.World;
using SupplySim.Scenarios;
using SupplySim.Testing;
using Xunit;

namespace SupplySim.Model.Tests.Engine;

/// <summary>Whole runs of the shipped quickstart world on the in-process engine: conservation laws and emergent reactions.</summary>
public class QuickstartRunTests
{
    private static (WorldSpec Spec, List<ShardReport> Folded, List<double[]> Metrics, MetricsComputer Computer) Run(ulong? seed = null, Func<WorldSpec, WorldSpec>? edit = null)
        => Run(seed, edit, out _);

    /// <summary>As above; <paramref name="atStart"/> is the state the spin-up left at tick 0 (null without one).</summary>
    private static (WorldSpec Spec, List<ShardReport> Folded, List<double[]> Metrics, MetricsComputer Computer) Run(ulong? seed, Func<WorldSpec, WorldSpec>? edit, out ShardReport? atStart)
    {
        var sc = ScenarioLoader.Load(Repo.Scenario("quickstart.yaml"));
        var spec = sc.Spec with { Seed = seed ?? sc.Spec.Seed };
        if (edit is not null) spec = edit(spec);
        var engine = new LocalEngine(spec, sc.FirmsPerShard, sc.PeoplePerShard);
        atStart = engine.LastFolded;
        var raw = new List<ShardReport>();
        var metrics = new List<double[]>();
        for (var t = 0; t < spec.Ticks; t++)
        {
            metrics.Add(engine.Step());
            raw.Add(engine.LastFolded!);
        }
        return (spec, raw, metrics, engine.Coordinator.Metrics);
    }

    private static readonly Lazy<(WorldSpec Spec, List<ShardReport> Folded, List<double[]> Metrics, MetricsComputer Computer)> Default = new(() => Run(null, null, out SpinUpEnd));

    /// <summary>The last spin-up tick's reports of <see cref="Default"/>: money already held and in flight at tick 0.</summary>
    private static ShardReport? SpinUpEnd;

    [Fact]
    public void Should_Balance_Precursor_Mass_At_Labs_Every_Tick()
    {
        // Delivered to labs = used in synthesis (drug produced / yield) + change in lab stock + lab seizures.
        var (spec, raw, _, _) = Default.Value;
        var r = new ReportLayout(new Layout(spec));
        for (var t = 1; t < raw.Count; t++)
        {
            var v = raw[t];
            var delivered = v.PrecursorDeliveredKg;
            var accounted = v.LabPrecursorUsedKg + (v.LabStockKg - raw[t - 1].LabStockKg) + v.LabPrecursorSeizedKg;
            Assert.True(Math.Abs(delivered - accounted) < 1e-6 * Math.Max(1, v.LabStockKg), $"tick {t}: delivered {delivered}, accounted {accounted}");
        }
        Assert.True(raw.Sum(v => v.PrecursorDeliveredKg) > 1_000, "the chain must actually move precursor");
        Assert.True(raw.Sum(v => v.LabPrecursorSeizedKg) > 0, "labs must be raided at least once");
    }

    [Fact]
    public void Should_Count_The_Same_Production_By_Product_As_By_Lab_Every_Tick()
    {
        var (spec, raw, _, _) = Default.Value;
        var r = new ReportLayout(new Layout(spec));
        foreach (var v in raw)
        {
            var byLab = Enumerable.Range(0, r.J).Sum(j => v.ProductionKg[j]);
            var byProduct = Enumerable.Range(0, r.S).Sum(s => v.ProductionByProduct[s]);
            Assert.True(Math.Abs(byLab - byProduct) <= 1e-9 * Math.Max(1, Math.Abs(byLab)), $"{byLab} by lab, {byProduct} by product");
        }
        Assert.True(raw.Sum(v => Enumerable.Range(0, r.S).Sum(s => v.ProductionByProduct[s])) > 0);
    }

    [Fact]
    public void Should_Split_Unscheduled_Precursor_By_Chemical_Within_What_Each_Chemical_Delivered()
    {
        var (spec, raw, _, _) = Default.Value;
        var r = new ReportLayout(new Layout(spec));
        foreach (var v in raw)
        {
            var bySubstance = Enumerable.Range(0, r.S).Sum(s => v.PrecursorUnscheduledBySubstance[s]);
            Assert.True(Math.Abs(bySubstance - v.PrecursorUnscheduledKg) <= 1e-9 * Math.Max(1, v.PrecursorUnscheduledKg));
            for (var s = 0; s < r.S; s++) Assert.True(v.PrecursorUnscheduledBySubstance[s] <= v.PrecursorBySubstance[s] + 1e-9);
        }
        Assert.True(raw.Sum(v => v.PrecursorUnscheduledKg) > 0);
    }

    [Fact]
    public void Should_Balance_Money_Every_Tick()
    {
        // Cash held + money in flight changes only by drug proceeds entering, by seizures and by bribes paid out.
        var (spec, raw, _, _) = Default.Value;
        var r = new ReportLayout(new Layout(spec));
        // The spin-up leaves money held and in flight at the start; the balance runs on from there.
        Assert.NotNull(SpinUpEnd);
        double before = SpinUpEnd.CashUsd + SpinUpEnd.InFlightUsd;
        for (var t = 0; t < raw.Count; t++)
        {
            var v = raw[t];
            var now = v.CashUsd + v.InFlightUsd;
            var seized = Enumerable.Range(0, EnumNames.MethodCount).Sum(m => v.SeizedUsd[m]);
            var bribes = Enumerable.Range(0, r.J).Sum(j => v.BribesUsd[j]);
            var expected = before + v.InflowUsd - seized - bribes;
            Assert.True(Math.Abs(now - expected) < 1e-9 * Math.Max(1, Math.Abs(now)), $"tick {t}: {now} vs {expected}");
            before = now;
        }
        Assert.True(raw.Sum(v => v.InflowUsd) > 0);
        Assert.True(raw.Sum(v => Enumerable.Range(0, EnumNames.MethodCount).Sum(m => v.SeizedUsd[m])) > 0);
    }

    [Fact]
    public void Should_Conserve_People()
    {
        var (spec, raw, _, _) = Default.Value;
        var r = new ReportLayout(new Layout(spec));
        foreach (var pop in spec.Populations)
        {
            var total = pop.People * pop.Represents;
            foreach (var v in raw)
            {
                var sum = Enum.GetValues<PersonState>().Sum(s => v.People[pop.Region, s]);
                Assert.Equal(total, sum, 6);
            }
        }
    }

    [Fact]
    public void Should_Repeat_Exactly_With_The_Same_Seed_And_Differ_With_Another()
    {
        var again = Run();
        var other = Run(seed: 7);
        var a = Default.Value.Metrics;
        Assert.Equal(a.Count, again.Metrics.Count);
        for (var t = 0; t < a.Count; t++)
            Assert.Equal(a[t].Select(BitConverter.DoubleToInt64Bits), again.Metrics[t].Select(BitConverter.DoubleToInt64Bits));
        Assert.Contains(Enumerable.Range(0, a.Count), t => !a[t].SequenceEqual(other.Metrics[t]));
    }

    [Fact]
    public void Should_Move_Brokers_Off_Scheduled_Precursors_After_China_Schedules_Them()
    {
        // quickstart schedules npp and anpp in CN in 2018-02 (tick 13); 4-AP is the cheapest unscheduled substitute.
        var (spec, _, metrics, computer) = Default.Value;
        double Share(int tick, params string[] substances)
        {
            var catalog = computer.Catalog;
            double part = 0, total = 0;
            for (var i = 0; i < catalog.Count; i++)
            {
                if (catalog[i].Metric != "precursor_kg" || !catalog[i].Dimension.StartsWith("substance=", StringComparison.Ordinal)) continue;
                var v = metrics[tick][i];
                total += v;
                if (substances.Contains(catalog[i].Dimension["substance=".Length..])) part += v;
            }
            return part / total;
        }
        var before = Enumerable.Range(6, 7).Average(t => Share(t, "npp", "anpp"));
        var after = Enumerable.Range(13 + 12, 6).Average(t => Share(t, "npp", "anpp"));
        Assert.True(before > 0.8, $"before scheduling NPP+4-ANPP should dominate, got {before:P0}");
        Assert.True(after < 0.3, $"a year after scheduling their share should be small, got {after:P0}");
    }

    [Fact]
    public void Should_Stop_Chinese_Synthesis_Of_Analogues_After_Class_Scheduling()
    {
        var (spec, _, metrics, computer) = Default.Value;
        var cn = computer.Catalog.ToList().FindIndex(k => k.Metric == "production_kg" && k.Dimension == "lab=CN");
        var classTick = spec.Interventions.OfType<ScheduleClass>().Single().Tick;
        var before = Enumerable.Range(classTick - 6, 6).Average(t => metrics[t][cn]);
        var after = Enumerable.Range(classTick + 6, 6).Average(t => metrics[t][cn]);
        Assert.True(before > 0, "CN labs must produce analogues before the class is scheduled");
        Assert.True(after < 0.2 * before, $"CN production {before:F2} -> {after:F2} kg/month");
    }
}
