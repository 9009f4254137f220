namespace SupplySim.Model.World;

// How levers, cooperation and trust behave. Each property is one parameter: its [Parameter] is the declaration (docs/model.md#parameters).
public sealed partial record ModelParameters
{
    [Parameter(ParameterGroup.Levers, ParameterDomain.Share, "relative loss of KYC quality per month",
        "Monthly relative decay of KYC screening quality without retraining (L1186-L1188).",
        UsedIn = "KYC quality without retraining",
        Source = "[A] (mechanism `report L1186`–`L1188`)",
        Prior = "log-uniform(0.01, 0.09)", PriorBasis = "judgement")]
    public double KycQualityDecay { get; init; } = 0.03;

    [Parameter(ParameterGroup.Levers, ParameterDomain.NonNegative, "multiple of base money detection at full cooperation and exposure 1",
        "Extra detection of money flows through a bank-touching method at full AML cooperation, as a multiple of the base (L421-L437).",
        UsedIn = "laundering seizure share",
        Source = "[A] (mechanism `report L421`–`L437`)",
        Prior = "log-uniform(1.3, 12)", PriorBasis = "judgement")]
    public double AmlDetectionBoost { get; init; } = 4.0;

    [Parameter(ParameterGroup.Levers, ParameterDomain.Share, "detection probability added at full intelligence sharing and trust",
        "Detection probability added at the supplier and broker stages by fully actionable foreign intelligence (L273, L413).",
        UsedIn = "supplier and broker detection, broker penalty",
        Source = "[A] (mechanism `report L273`, `report L413`)",
        Prior = "log-uniform(0.027, 0.24)", PriorBasis = "judgement")]
    public double IntelligencePressure { get; init; } = 0.08;

    [Parameter(ParameterGroup.Levers, ParameterDomain.Share, "share of the gap to the starting level recovered per month",
        "Monthly share of the gap to its starting level that trust recovers on its own (slow rebuilding, L620, L1681).",
        UsedIn = "trust dynamics",
        Source = "[A] (mechanism `report L620`)",
        Prior = "log-uniform(0.0033, 0.03)", PriorBasis = "judgement")]
    public double TrustRecoveryRate { get; init; } = 0.01;

    [Parameter(ParameterGroup.Levers, ParameterDomain.Share, "share of the gap to full trust",
        "Share of the gap to full trust a prompt reward of intensity 1 closes (reinforcement, L2337).",
        UsedIn = "trust gained from a prompt reward of intensity 1",
        Source = "[A] (mechanism `report L2337`)",
        Prior = "beta(1.8, 4.2)", PriorBasis = "judgement")]
    public double RewardTrustGain { get; init; } = 0.3;

    [Parameter(ParameterGroup.Levers, ParameterDomain.NonNegative, "months",
        "Months after which a reward is worth half as much to trust as a prompt one (rewards work when prompt, L2337).",
        UsedIn = "delay after which a reward is worth half",
        Source = "[A] (rewards work when prompt, `report L2337`)",
        Prior = "log-uniform(2, 18)", PriorBasis = "judgement")]
    public double RewardHalfLifeMonths { get; init; } = 6;

    [Parameter(ParameterGroup.Levers, ParameterDomain.NonNegative, "months",
        "Months an act may wait for its reward before trust starts to fade (extinction, L2337-L2339).",
        UsedIn = "how long an act waits for its reward before trust fades",
        Source = "[A] (`report L2337`–`L2339`)",
        Prior = "log-uniform(4, 36)", PriorBasis = "judgement")]
    public double RewardPatienceMonths { get; init; } = 12;

    [Parameter(ParameterGroup.Levers, ParameterDomain.Share, "share of trust per month",
        "Monthly share of trust lost while an act of weight 1 (or more) goes unrewarded past the patience (L2337-L2339).",
        UsedIn = "trust lost while acts go unrewarded past the patience",
        Source = "[A] (extinction, `report L2337`–`L2339`)",
        Prior = "log-uniform(0.0033, 0.03)", PriorBasis = "judgement")]
    public double TrustExtinctionRate { get; init; } = 0.01;

    [Parameter(ParameterGroup.Levers, ParameterDomain.Count, "months",
        "Months a broker stays offline after a takedown before relisting on a less visible channel (L405, L1474).",
        UsedIn = "how long a broker stays offline after a takedown",
        Source = "[A] (mechanism `report L405`, `report L1474`)",
        Prior = "uniform(1, 6)", PriorBasis = "judgement (rounded to a whole number)")]
    public int RelistMonths { get; init; } = 2;
}
