using SupplySim.Scenarios;
using Xunit;

namespace SupplySim.Model.Tests.Engine;

/// <summary>
/// Launderers' innovation after losses over a whole run (docs/model.md#the-six-actor-kinds money launderer; docs/model.md#reactions-and-rules; report L425): the
/// baseline with full AML cooperation of CN and MX with the US from 2018-01, with and without innovation (rate 0.1) on the
/// bank-touching networks (CN mirror, MX trade-based, CA casino), each against the same world without the AML item. Compared
/// over 2018-2021, the full years before CN suspends cooperation (2022-08) and the AML lever there drops with trust.
/// </summary>
public class LaunderingInnovationTests
{
    internal static readonly Action<ScenarioDocument> Innovating = d =>
    {
        foreach (var method in new[] { "mirror", "trade-based", "casino" }) d.Set($"actors.launderers[method={method}].innovation-rate", 0.1);
    };

    // CN's mirror network at half the baseline's fee, so that labs still use it after the spin-up's reviews (at 4% its fee
    // after CN's money-stage risk is above the others' and it carries nothing): three bank-touching networks with clients.
    private static readonly Action<ScenarioDocument> MirrorUsed = d => d.Set("actors.launderers[method=mirror].fee", 0.02);

    private static readonly string[] Aml = ["{ type: aml-cooperation, date: 2018-01, jurisdiction: [CN, MX], with: US, intensity: 1 }"];

    private static double Risk(ScenarioRun run, int tick, string method) => run.Value(tick, "laundering_risk", $"method={method}");

    private static double BankShare(ScenarioRun run, int from, int to)
        => (run.Sum("laundered_usd", "method=mirror", from, to) + run.Sum("laundered_usd", "method=trade-based", from, to) + run.Sum("laundered_usd", "method=casino", from, to))
           / run.Sum("laundered_usd", "", from, to);

    [Fact(Skip = "Issue 15 spin-up: the AML gain now fades without innovation too (labs leave exposed networks during the spin-up), so the with/without contrast no longer holds (issue 17)")]
    public void Should_Erode_The_Aml_Effect_As_Bank_Touching_Networks_Innovate_After_Losses()
    {
        var innovating = ScenarioRun.Of("baseline.yaml", interventions: Aml, edits: [MirrorUsed, Innovating]);
        var innovatingNoAml = ScenarioRun.Of("baseline.yaml", edits: [MirrorUsed, Innovating]);
        var plain = ScenarioRun.Of("baseline.yaml", interventions: Aml, edits: MirrorUsed);
        var plainNoAml = ScenarioRun.Of("baseline.yaml", edits: MirrorUsed);
        int aml = plain.TickOf("2018-01"), end = plain.TickOf("2022-01");

        // The series exists only where a group innovates, one per method, and starts at 1.
        Assert.DoesNotContain(plain.Catalog, k => k.Metric == "laundering_risk");
        Assert.Equal(6, innovating.Catalog.Count(k => k.Metric == "laundering_risk"));
        foreach (var m in new[] { "mirror", "trade-based", "casino", "crypto", "bulk-cash", "wildlife-barter" }) Assert.Equal(1.0, Risk(innovating, 0, m));

        // Networks that lose money innovate: the trade-based risk never rises and ends well below 1, above the 0.3 floor, and the
        // mirror network, which carries money here, innovates too. Networks that lose nothing keep their risk: CA has no
        // money-stage enforcement, so its casinos lose nothing; the other methods do not innovate.
        for (var t = 1; t < end; t++) Assert.True(Risk(innovating, t, "trade-based") <= Risk(innovating, t - 1, "trade-based"), $"trade-based risk rose at tick {t}");
        Assert.InRange(Risk(innovating, end, "trade-based"), 0.3, 0.9);
        Assert.True(innovating.Sum("laundered_usd", "method=mirror", 0, end) > 0);
        Assert.InRange(Risk(innovating, end, "mirror"), 0.3, 0.99);
        foreach (var m in new[] { "casino", "crypto", "bulk-cash", "wildlife-barter" }) Assert.Equal(1.0, Risk(innovating, end, m));

        // What AML cooperation adds to the share of laundered USD that is seized falls back year after year as the exposed networks
        // find new cover, to under half of its first year by 2021; without innovation it holds. (Shares, not USD: the market, and
        // with it what is laundered, keeps growing over these years.)
        double SeizedShare(ScenarioRun r, int year) => r.Sum("seized_usd", "", aml + 12 * year, aml + 12 * year + 12) / r.Sum("laundered_usd", "", aml + 12 * year, aml + 12 * year + 12);
        double Gain(ScenarioRun with, ScenarioRun without, int year) => SeizedShare(with, year) - SeizedShare(without, year);
        var gain = Enumerable.Range(0, 4).Select(y => Gain(innovating, innovatingNoAml, y)).ToArray();
        var plainGain = Enumerable.Range(0, 4).Select(y => Gain(plain, plainNoAml, y)).ToArray();
        var text = $"AML gain in the seized share 2018-2021 with innovation {string.Join(", ", gain.Select(g => g.ToString("P2")))}; without {string.Join(", ", plainGain.Select(g => g.ToString("P2")))}";
        for (var y = 1; y < 4; y++) Assert.True(gain[y] < gain[y - 1], text);
        Assert.True(gain[3] < 0.5 * gain[0], text);
        Assert.True(plainGain[3] > 0.8 * plainGain[0], text);

        // Lowered risk is what labs see when they pick a launderer: under AML the bank-touching share of laundered USD recovers
        // partly, above the run without innovation and below its own level of the year before AML.
        var shareInnovating = BankShare(innovating, aml + 12, end);
        var sharePlain = BankShare(plain, aml + 12, end);
        var shareBefore = BankShare(innovating, aml - 12, aml);
        Assert.True(shareInnovating > 1.3 * sharePlain && shareInnovating < shareBefore,
            $"bank-touching share 2019-2021: {shareInnovating:P1} with innovation, {sharePlain:P1} without; {shareBefore:P1} in 2017 with innovation");
    }
}
