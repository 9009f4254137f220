using SupplySim.Model.Engine.Checkpoints;
using SupplySim.Model.World;

namespace SupplySim.Model.Engine;

/// <summary>
/// The public blackboard of one tick (docs/architecture.md#the-tick): scheduling status, enforcement
/// pressure, market prices and demand, and agency budgets, computed once by the run from the previous
/// tick's reports and handed to every shard. One flat array laid out by <see cref="SignalLayout"/>.
/// </summary>
public sealed class TickSignals
{
    public static readonly int LeverCount = Enum.GetValues<Lever>().Length;

    public TickSignals(SignalLayout layout, double[]? values = null)
    {
        Layout = layout;
        Values = values ?? new double[layout.Length];
        if (Values.Length != layout.Length) throw new ArgumentException($"signals of length {Values.Length}, expected {layout.Length}");
    }

    /// <summary>A blank blackboard for <paramref name="layout"/>'s world.</summary>
    public TickSignals(Layout layout) : this(layout.Signals) { }

    [field: FixedByLayout] public SignalLayout Layout { get; }

    /// <summary>The flat array: what travels and is checkpointed.</summary>
    public double[] Values { get; }

    private SignalLayout L => Layout;

    /// <summary>A copy that the receiver may keep.</summary>
    public TickSignals Clone() => new(Layout, (double[])Values.Clone());

    public bool Scheduled(int jurisdiction, int substance) => new Slots2(Values, L.Scheduled)[jurisdiction, substance] != 0;
    public void SetScheduled(int jurisdiction, int substance, bool on) => new Slots2(Values, L.Scheduled)[jurisdiction, substance] = on ? 1 : 0;

    /// <summary>Probability per month that an agent at a stage in a jurisdiction is detected, per (jurisdiction, stage).</summary>
    public Slots2 Pressure => new(Values, L.Pressure);

    /// <summary>Last tick's retail price, USD per pure mg (0 where nothing was sold).</summary>
    public Slots1 PricePerMg => new(Values, L.PricePerMg);

    /// <summary>Last tick's demand, pure mg at the reference potency.</summary>
    public Slots1 DemandMg => new(Values, L.DemandMg);

    /// <summary>Last tick's stimulant retail price, USD per pure mg (0 where none was sold; <see cref="Rules.RetailMarket.ClearStimulant"/>).</summary>
    public Slots1 StimulantPricePerMg => new(Values, L.StimulantPricePerMg);

    /// <summary>Last tick's stimulant demand, pure mg at <c>stimulant-potency-mg</c> a dose.</summary>
    public Slots1 StimulantDemandMg => new(Values, L.StimulantDemandMg);

    /// <summary>Share of last month's doses sold in a jurisdiction that were cut with xylazine.</summary>
    public Slots1 XylazineShare => new(Values, L.XylazineShare);

    /// <summary>USD labs in a jurisdiction paid in bribes last month.</summary>
    public Slots1 BribesUsd => new(Values, L.BribesUsd);

    /// <summary>Value seized at a stage in a jurisdiction last month (<see cref="Rules.SeizureValue"/>) per unit of the detection
    /// probability that seized it, USD, per (jurisdiction, stage): what one more point of pressure there would have seized (adaptive allocation).</summary>
    public Slots2 ExposedValueUsd => new(Values, L.ExposedValueUsd);

    /// <summary>Launderer group <paramref name="group"/>'s detection-risk multiplier this month: 1 at the start, lowered by innovation after
    /// losses (<see cref="Rules.Laundering.Innovate"/>). Stored as the cover gained, 1 − multiplier, so a blank blackboard means no innovation.</summary>
    public double LaunderingRisk(int group) => 1 - new Slots1(Values, L.Cover)[group];
    public void SetLaunderingRisk(int group, double v) => new Slots1(Values, L.Cover)[group] = 1 - v;

    /// <summary>Each launderer group's utilisation last month: USD it handled ÷ its <c>capacity-usd-per-month</c> (0 for a group
    /// without a capacity, and before the first month ends). Labs read it as congestion (<see cref="Rules.Laundering.Congestion"/>).</summary>
    public Slots1 LaunderingLoad => new(Values, L.LaunderingLoad);

    /// <summary>Whether launderer group <paramref name="group"/> is available to labs this month: a latent group
    /// (<c>emerges-after-seizure-share</c>) is not until the network's losses open it (<see cref="Rules.Laundering.Emerges"/>).
    /// Stored as closed = 1, so a blank blackboard means every group is open.</summary>
    public bool LaunderingOpen(int group) => new Slots1(Values, L.Closed)[group] == 0;
    public void SetLaunderingOpen(int group, bool open) => new Slots1(Values, L.Closed)[group] = open ? 0 : 1;

    /// <summary>Each agency's budget, USD per month.</summary>
    public Slots1 Budget => new(Values, L.Budget);

    /// <summary>Each agency's scripted allocation (its mandate) per stage: the scenario's, or the last enforcement-budget item's.</summary>
    public Slots2 Mandate => new(Values, L.Mandate);
    public void SetMandate(int agency, ReadOnlySpan<double> allocation) => allocation.CopyTo(Mandate.Row(agency));

    /// <summary>A lever's value in a jurisdiction; cooperative levers arrive already multiplied by trust.</summary>
    public double LeverValue(Lever lever, int jurisdiction) => new Slots2(Values, L.Levers)[(int)lever, jurisdiction];
    public void SetLeverValue(Lever lever, int jurisdiction, double v) => new Slots2(Values, L.Levers)[(int)lever, jurisdiction] = v;

    /// <summary>Foreign intelligence that jurisdiction <paramref name="jurisdiction"/> can act on (0..1): bilateral sharing or the
    /// trilateral mechanism, whichever is stronger (the two are channels for the same intelligence, L1044). 0 where an agency
    /// keeps an intelligence queue: there intelligence arrives as leads and acts through the agency's pressure instead.</summary>
    public double Intelligence(int jurisdiction)
        => IntelligenceQueued(jurisdiction) ? 0 : Math.Max(LeverValue(Lever.IntelligenceSharing, jurisdiction), LeverValue(Lever.Trilateral, jurisdiction));

    /// <summary>Whether an agency acting in this jurisdiction keeps an intelligence queue (<see cref="Rules.IntelligenceQueue"/>).</summary>
    public bool IntelligenceQueued(int jurisdiction) => new Slots1(Values, L.Queued)[jurisdiction] != 0;
    public void SetIntelligenceQueued(int jurisdiction, bool on) => new Slots1(Values, L.Queued)[jurisdiction] = on ? 1 : 0;

    /// <summary>Fentanyl-equivalent kg that partners seized last month of what left a jurisdiction, times the sharing channel
    /// from each partner (trust-gated), per (jurisdiction, lead kind): the material of leads of that kind about its sellers.</summary>
    public Slots2 SharedSeizedKg => new(Values, L.SharedSeizedKg);

    /// <summary>The part of <see cref="SharedSeizedKg"/> that is actionable here: illegal where it left, or covered by a legal basis.</summary>
    public Slots2 ActionableSharedKg => new(Values, L.ActionableSharedKg);

    /// <summary>Trust between two countries, 0..1 (0 while cooperation is suspended).</summary>
    public double Trust(int countryA, int countryB) => new Slots2(Values, L.Trust)[countryA, countryB];
    public void SetTrust(int countryA, int countryB, double v)
    {
        var trust = new Slots2(Values, L.Trust);
        trust[countryA, countryB] = v;
        trust[countryB, countryA] = v;
    }

    /// <summary>Whether selling this substance in this jurisdiction can be prosecuted: scheduled, or a legal basis for knowing sales exists.</summary>
    public double Illegality(int jurisdiction, int substance)
        => Scheduled(jurisdiction, substance) ? 1 : LeverValue(Lever.LegalBasis, jurisdiction);
}
