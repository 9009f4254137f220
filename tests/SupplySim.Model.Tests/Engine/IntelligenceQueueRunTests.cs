using SupplySim.Scenarios;
using Xunit;

namespace SupplySim.Model.Tests.Engine;

/// <summary>
/// The intelligence queue over a whole run (scenarios/intelligence-queue.yaml: the baseline, CN-MPS keeping a queue, and the
/// 2019 US-CN-MX trilateral mechanism), with leads made ten times as plentiful and as effective as the defaults so the effect
/// stands out of the seed's noise. Leads reach China only over a trust-gated channel with the country that seized them
/// (L1044: Mexican data is what makes US intelligence actionable), stop while cooperation is suspended, are mostly about
/// chemicals China cannot act on until they are illegal there (L480), and once they are, raise seizures at Chinese sellers.
/// </summary>
public class IntelligenceQueueRunTests(ITestOutputHelper output)
{
    private static readonly Action<ScenarioDocument> Strong = d => d.Set("intelligence-queues[agency=CN-MPS].leads-per-kg", 20).Set("intelligence-queues[agency=CN-MPS].targets-per-lead", 10);
    private static readonly Action<ScenarioDocument> NoTrilateral = d => d.SetYaml("add-interventions[type=trilateral-mechanism]", "{ type: trust-building, date: 2019-06, between: [US, CN], rate: 0 }");

    private static double Leads(ScenarioRun r, string state, string from, string to)
        => r.Sum("intelligence_leads", $"agency=CN-MPS;state={state}", r.TickOf(from), r.TickOf(to));

    private static double SeizedAtSellers(ScenarioRun r, string from, string to)
        => r.Sum("seized_kg", "stage=supplier", r.TickOf(from), r.TickOf(to)) + r.Sum("seized_kg", "stage=broker", r.TickOf(from), r.TickOf(to));

    [Fact]
    public void Should_Work_Leads_Only_Over_Open_Channels_And_Seize_More_At_Chinese_Sellers_Once_Their_Sales_Are_Illegal()
    {
        var shared = ScenarioRun.Of("intelligence-queue.yaml", edits: Strong);
        var unshared = ScenarioRun.Of("intelligence-queue.yaml", edits: [Strong, NoTrilateral]);
        foreach (var (name, r) in new[] { ("trilateral", shared), ("bilateral only", unshared) })
            output.WriteLine($"{name}: received 2019-06..2022-07 {Leads(r, "received", "2019-06", "2022-08"):F1}, unactionable {Leads(r, "unactionable", "2019-06", "2022-08"):F1}, " +
                $"worked {Leads(r, "worked", "2019-06", "2022-08"):F1}; suspension received {Leads(r, "received", "2022-09", "2023-11"):F2}, worked 2023-06..10 {Leads(r, "worked", "2023-06", "2023-11"):F2}; " +
                $"sellers' seizures 2023-06..2025-12 {SeizedAtSellers(r, "2023-06", "2026-01"):F0} kg, 2019-06..2022-07 {SeizedAtSellers(r, "2019-06", "2022-08"):F0} kg");

        // No channel before 2019: no leads at all.
        Assert.Equal(0, Leads(shared, "received", "2013-01", "2019-06"));
        // 2019-06 to 2022-07: the trilateral mechanism carries Mexican seizures of Chinese precursor and US seizures of Chinese
        // drug; without it (bilateral sharing starts only in 2024) nothing arrives.
        var received = Leads(shared, "received", "2019-06", "2022-08");
        Assert.True(received > 100, $"received {received:F1}");
        Assert.Equal(0, Leads(unshared, "received", "2019-06", "2022-08"));
        // Most of them are about chemicals unscheduled in China without a legal basis: they cannot be acted on (L480, L1044).
        Assert.InRange(Leads(shared, "unactionable", "2019-06", "2022-08") / received, 0.5, 1);
        var worked = Leads(shared, "worked", "2019-06", "2022-08");
        Assert.True(worked > 10, $"worked {worked:F1}");
        // The 2022-08 suspension closes every channel into China: nothing arrives, and the queue runs dry.
        Assert.Equal(0, Leads(shared, "received", "2022-09", "2023-11"));
        var lateSuspension = Leads(shared, "worked", "2023-06", "2023-11") / 5;
        Assert.True(lateSuspension < 0.05 * worked / 38, $"worked {lateSuspension:F3} a month late in the suspension, {worked / 38:F2} a month before it");
        // Once the 2023 legal basis and the 2024 listings make sales illegal, the worked leads raise seizures at Chinese sellers.
        var with = SeizedAtSellers(shared, "2023-06", "2026-01");
        var without = SeizedAtSellers(unshared, "2023-06", "2026-01");
        Assert.True(with > 1.2 * without, $"{with:F0} kg with the trilateral channel, {without:F0} kg without");
    }
}
