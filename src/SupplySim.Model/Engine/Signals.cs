using SupplySim.Model.Engine.Checkpoints;
using SupplySim.Model.World;

namespace SupplySim.Model.Engine;

/// <summary>
/// The public blackboard of one tick (architecture.md §2 rule 5): scheduling status, enforcement
/// pressure, market prices and demand, and agency budgets, computed once by the run from the previous
/// tick's reports and handed to every shard. Travels as one flat array.
/// </summary>
public sealed class Signals
{
    private readonly int _j, _s, _a, _c, _g;
    public static readonly int LeverCount = Enum.GetValues<Lever>().Length;
    public double[] Values { get; }

    public Signals(Layout layout, double[]? values = null)
    {
        _j = layout.JurisdictionCount;
        _s = layout.SubstanceCount;
        _a = layout.Spec.Agencies.Length;
        _c = layout.Spec.Countries.Length;
        _g = layout.Spec.Launderers.Length;
        var length = _j * _s + _j * EnumNames.StageCount + 2 * _j + _a + LeverCount * _j + _c * _c + 2 * _j + _j * EnumNames.StageCount + 3 * _g
            + 2 * _j * Rules.IntelligenceQueue.Kinds + _j + _a * EnumNames.StageCount + 2 * _j;
        Values = values ?? new double[length];
        if (Values.Length != length) throw new ArgumentException($"signals of length {Values.Length}, expected {length}");
    }

    internal static readonly CheckpointFields Checkpoint = new([nameof(Values)], [nameof(_j), nameof(_s), nameof(_a), nameof(_c), nameof(_g)]);

    private int PressureBase => _j * _s;
    private int PriceBase => PressureBase + _j * EnumNames.StageCount;
    private int DemandBase => PriceBase + _j;
    private int BudgetBase => DemandBase + _j;
    private int LeverBase => BudgetBase + _a;
    private int TrustBase => LeverBase + LeverCount * _j;
    private int XylazineBase => TrustBase + _c * _c;
    private int BribesBase => XylazineBase + _j;
    private int ExposureBase => BribesBase + _j;
    private int CoverBase => ExposureBase + _j * EnumNames.StageCount;
    private int LoadBase => CoverBase + _g;
    private int ClosedBase => LoadBase + _g;
    private int LeadBase => ClosedBase + _g;
    private int ActionableLeadBase => LeadBase + _j * Rules.IntelligenceQueue.Kinds;
    private int QueuedBase => ActionableLeadBase + _j * Rules.IntelligenceQueue.Kinds;
    private int MandateBase => QueuedBase + _j;
    private int StimulantPriceBase => MandateBase + _a * EnumNames.StageCount;
    private int StimulantDemandBase => StimulantPriceBase + _j;

    public bool Scheduled(int jurisdiction, int substance) => Values[jurisdiction * _s + substance] != 0;
    public void SetScheduled(int jurisdiction, int substance, bool on) => Values[jurisdiction * _s + substance] = on ? 1 : 0;

    /// <summary>Probability per month that an agent at this stage in this jurisdiction is detected.</summary>
    public double Pressure(int jurisdiction, Stage stage) => Values[PressureBase + Layout.TargetIndex(jurisdiction, stage)];
    public void SetPressure(int jurisdiction, Stage stage, double p) => Values[PressureBase + Layout.TargetIndex(jurisdiction, stage)] = p;

    /// <summary>Last tick's retail price, USD per pure mg (0 where nothing was sold).</summary>
    public double PricePerMg(int jurisdiction) => Values[PriceBase + jurisdiction];
    public void SetPricePerMg(int jurisdiction, double v) => Values[PriceBase + jurisdiction] = v;

    /// <summary>Last tick's demand, pure mg at the reference potency.</summary>
    public double DemandMg(int jurisdiction) => Values[DemandBase + jurisdiction];

    /// <summary>Last tick's stimulant retail price, USD per pure mg (0 where none was sold; <see cref="Rules.RetailMarket.ClearStimulant"/>).</summary>
    public double StimulantPricePerMg(int jurisdiction) => Values[StimulantPriceBase + jurisdiction];
    public void SetStimulantPricePerMg(int jurisdiction, double v) => Values[StimulantPriceBase + jurisdiction] = v;

    /// <summary>Last tick's stimulant demand, pure mg at <c>stimulant-potency-mg</c> a dose.</summary>
    public double StimulantDemandMg(int jurisdiction) => Values[StimulantDemandBase + jurisdiction];
    public void SetStimulantDemandMg(int jurisdiction, double v) => Values[StimulantDemandBase + jurisdiction] = v;

    /// <summary>Share of last month's doses sold in this jurisdiction that were cut with xylazine.</summary>
    public double XylazineShare(int jurisdiction) => Values[XylazineBase + jurisdiction];
    public void SetXylazineShare(int jurisdiction, double v) => Values[XylazineBase + jurisdiction] = v;

    /// <summary>USD labs in this jurisdiction paid in bribes last month.</summary>
    public double BribesUsd(int jurisdiction) => Values[BribesBase + jurisdiction];
    public void SetBribesUsd(int jurisdiction, double v) => Values[BribesBase + jurisdiction] = v;

    /// <summary>Value seized at this stage in this jurisdiction last month (<see cref="Rules.SeizureValue"/>) per unit of the
    /// detection probability that seized it, USD: what one more point of pressure there would have seized (adaptive allocation).</summary>
    public double ExposedValueUsd(int jurisdiction, Stage stage) => Values[ExposureBase + Layout.TargetIndex(jurisdiction, stage)];
    public void SetExposedValueUsd(int jurisdiction, Stage stage, double v) => Values[ExposureBase + Layout.TargetIndex(jurisdiction, stage)] = v;
    public void SetDemandMg(int jurisdiction, double v) => Values[DemandBase + jurisdiction] = v;

    /// <summary>Launderer group <paramref name="group"/>'s detection-risk multiplier this month: 1 at the start, lowered by innovation after
    /// losses (<see cref="Rules.Laundering.Innovate"/>). Stored as the cover gained, 1 − multiplier, so a blank blackboard means no innovation.</summary>
    public double LaunderingRisk(int group) => 1 - Values[CoverBase + group];
    public void SetLaunderingRisk(int group, double v) => Values[CoverBase + group] = 1 - v;

    /// <summary>Launderer group <paramref name="group"/>'s utilisation last month: USD it handled ÷ its <c>capacity-usd-per-month</c>
    /// (0 for a group without a capacity, and before the first month ends). Labs read it as congestion (<see cref="Rules.Laundering.Congestion"/>).</summary>
    public double LaunderingLoad(int group) => Values[LoadBase + group];
    public void SetLaunderingLoad(int group, double v) => Values[LoadBase + group] = v;

    /// <summary>Whether launderer group <paramref name="group"/> is available to labs this month: a latent group
    /// (<c>emerges-after-seizure-share</c>) is not until the network's losses open it (<see cref="Rules.Laundering.Emerges"/>).
    /// Stored as closed = 1, so a blank blackboard means every group is open.</summary>
    public bool LaunderingOpen(int group) => Values[ClosedBase + group] == 0;
    public void SetLaunderingOpen(int group, bool open) => Values[ClosedBase + group] = open ? 0 : 1;

    public double Budget(int agency) => Values[BudgetBase + agency];
    public void SetBudget(int agency, double v) => Values[BudgetBase + agency] = v;

    /// <summary>An agency's scripted allocation (its mandate) for a stage: the scenario's, or the last enforcement-budget item's.</summary>
    public double Mandate(int agency, Stage stage) => Values[MandateBase + agency * EnumNames.StageCount + (int)stage];
    public void SetMandate(int agency, ReadOnlySpan<double> allocation) => allocation.CopyTo(Values.AsSpan(MandateBase + agency * EnumNames.StageCount, EnumNames.StageCount));

    /// <summary>A lever's value in a jurisdiction; cooperative levers arrive already multiplied by trust.</summary>
    public double LeverValue(Lever lever, int jurisdiction) => Values[LeverBase + (int)lever * _j + jurisdiction];

    /// <summary>Foreign intelligence that jurisdiction <paramref name="jurisdiction"/> can act on (0..1): bilateral sharing or the
    /// trilateral mechanism, whichever is stronger (the two are channels for the same intelligence, L1044). 0 where an agency
    /// keeps an intelligence queue: there intelligence arrives as leads and acts through the agency's pressure instead.</summary>
    public double Intelligence(int jurisdiction)
        => IntelligenceQueued(jurisdiction) ? 0 : Math.Max(LeverValue(Lever.IntelligenceSharing, jurisdiction), LeverValue(Lever.Trilateral, jurisdiction));

    /// <summary>Whether an agency acting in this jurisdiction keeps an intelligence queue (<see cref="Rules.IntelligenceQueue"/>).</summary>
    public bool IntelligenceQueued(int jurisdiction) => Values[QueuedBase + jurisdiction] != 0;
    public void SetIntelligenceQueued(int jurisdiction, bool on) => Values[QueuedBase + jurisdiction] = on ? 1 : 0;

    /// <summary>Fentanyl-equivalent kg that partners seized last month of what left this jurisdiction, times the sharing channel
    /// from each partner (trust-gated): the material of leads of <paramref name="kind"/> about its sellers.</summary>
    public double SharedSeizedKg(int jurisdiction, int kind) => Values[LeadBase + jurisdiction * Rules.IntelligenceQueue.Kinds + kind];
    public void SetSharedSeizedKg(int jurisdiction, int kind, double v) => Values[LeadBase + jurisdiction * Rules.IntelligenceQueue.Kinds + kind] = v;

    /// <summary>The part of <see cref="SharedSeizedKg"/> that is actionable here: illegal where it left, or covered by a legal basis.</summary>
    public double ActionableSharedKg(int jurisdiction, int kind) => Values[ActionableLeadBase + jurisdiction * Rules.IntelligenceQueue.Kinds + kind];
    public void SetActionableSharedKg(int jurisdiction, int kind, double v) => Values[ActionableLeadBase + jurisdiction * Rules.IntelligenceQueue.Kinds + kind] = v;
    public void SetLeverValue(Lever lever, int jurisdiction, double v) => Values[LeverBase + (int)lever * _j + jurisdiction] = v;

    /// <summary>Trust between two countries, 0..1 (0 while cooperation is suspended).</summary>
    public double Trust(int countryA, int countryB) => Values[TrustBase + countryA * _c + countryB];
    public void SetTrust(int countryA, int countryB, double v)
    {
        Values[TrustBase + countryA * _c + countryB] = v;
        Values[TrustBase + countryB * _c + countryA] = v;
    }

    /// <summary>Whether selling this substance in this jurisdiction can be prosecuted: scheduled, or a legal basis for knowing sales exists.</summary>
    public double Illegality(int jurisdiction, int substance)
        => Scheduled(jurisdiction, substance) ? 1 : LeverValue(Lever.LegalBasis, jurisdiction);

}
