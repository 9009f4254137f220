namespace SupplySim.Model.World;

// Cartel labs, their sourcing, relocation and bribes (the clan-lab world and money). Each property is one parameter: its [Parameter] is the declaration (docs/model.md#parameters).
public sealed partial record ModelParameters
{
    [Parameter(ParameterGroup.Labs, ParameterDomain.Share, "share of retail value",
        "Share of the retail value of a kg paid to the producing lab (wholesale share).",
        UsedIn = "what dealers pay labs per pure mg",
        Source = "[A]",
        Prior = "beta(0.9, 5.1)", PriorBasis = "judgement")]
    public double WholesaleShare { get; init; } = 0.15;

    [Parameter(ParameterGroup.Labs, ParameterDomain.Share, "share of wholesale value",
        "Gross margin of synthesis at wholesale; precursors are a tiny share of trafficker revenue (L443).",
        UsedIn = "lab go/no-go",
        Source = "[A] (mechanism: precursors are a tiny share of revenue, `report L443`)",
        Prior = "beta(4.8, 1.2)", PriorBasis = "judgement")]
    public double LabMargin { get; init; } = 0.8;

    [Parameter(ParameterGroup.Labs, ParameterDomain.NonNegative, "dealers per real resident",
        "Retail dealers per real resident: the retail stage's enforcement targets (dealers are not agents).",
        UsedIn = "retail enforcement targets",
        Source = "[A]",
        Prior = "log-uniform(0.000033, 0.0003)", PriorBasis = "judgement")]
    public double DealersPerResident { get; init; } = 0.0001;

    [Parameter(ParameterGroup.Labs, ParameterDomain.Share, "share of lab precursor stock",
        "Share of a lab's precursor stock lost in a raid.",
        UsedIn = "lab raids",
        Source = "[A]",
        Prior = "beta(3.6, 2.4)", PriorBasis = "judgement")]
    public double RaidLossShare { get; init; } = 0.6;

    [Parameter(ParameterGroup.Labs, ParameterDomain.Share, "level of the fill memory",
        "Delivery memory below which a lab drops its broker for another (displacement, L488).",
        UsedIn = "lab drops its broker below it",
        Source = "[A] (mechanism `report L488`)",
        Prior = "beta(3, 3)", PriorBasis = "judgement")]
    public double LabSwitchThreshold { get; init; } = 0.5;

    [Parameter(ParameterGroup.Labs, ParameterDomain.Share, "weight of the newest month",
        "Weight of the newest month in a lab's memory of whether its broker delivered.",
        UsedIn = "lab's memory of deliveries",
        Source = "[A]",
        Prior = "beta(1.8, 4.2)", PriorBasis = "judgement")]
    public double LabFillMemory { get; init; } = 0.3;

    [Parameter(ParameterGroup.Labs, ParameterDomain.Share, "share of outstanding orders per month",
        "Share of outstanding orders a lab writes off each month (lost or refused).",
        UsedIn = "lab's on-order bookkeeping",
        Source = "[A]",
        Prior = "beta(1.8, 4.2)", PriorBasis = "judgement")]
    public double LabOrderWriteOff { get; init; } = 0.3;

    [Parameter(ParameterGroup.Labs, ParameterDomain.Share, "largest relative capacity change per month",
        "Largest monthly change of a lab's capacity in answer to retail prices (L255, L259).",
        UsedIn = "lab capacity response to price",
        Source = "[A] (mechanism `report L255`, `report L259`), **fitted**: baseline 0.07564",
        Prior = "uniform(0.005, 0.1)", PriorBasis = "judgement; calibration fitted 0.076 for the baseline (docs/calibration.md)")]
    public double LabCapacityAdjust { get; init; } = 0.03;

    [Parameter(ParameterGroup.Labs, ParameterDomain.Share, "share of a month's proceeds",
        "Share of the proceeds it receives that a lab pays in bribes each month where an agency is corruptible and its raid risk is above LabBribePressure (corruption, L1092-L1098: \"corrupt or avoid\").",
        UsedIn = "bribes a lab pays where an agency is corruptible and raids are frequent",
        Source = "[A] (mechanism `report L1092`–`L1098`)",
        Prior = "log-uniform(0.033, 0.3)", PriorBasis = "judgement")]
    public double LabBribeShare { get; init; } = 0.1;

    [Parameter(ParameterGroup.Labs, ParameterDomain.Share, "monthly raid probability",
        "Monthly raid probability above which labs start to bribe corruptible agencies.",
        UsedIn = "raid risk above which labs bribe",
        Source = "[A]",
        Prior = "log-uniform(0.01, 0.09)", PriorBasis = "judgement")]
    public double LabBribePressure { get; init; } = 0.03;

    [Parameter(ParameterGroup.Labs, ParameterDomain.Share, "probability per lab-month",
        "Monthly probability that a lab whose site is too risky moves part of its capacity to a safer jurisdiction (relocation, L1092-L1098).",
        UsedIn = "relocation when the raid-risk gap exceeds the margin",
        Source = "[A] (mechanism `report L1092`–`L1098`)",
        Prior = "log-uniform(0.033, 0.3)", PriorBasis = "judgement")]
    public double LabRelocationRate { get; init; } = 0.1;

    [Parameter(ParameterGroup.Labs, ParameterDomain.Share, "share of capacity",
        "Share of its capacity a relocating lab moves.",
        UsedIn = "capacity a relocating lab moves",
        Source = "[A]",
        Prior = "beta(3, 3)", PriorBasis = "judgement")]
    public double LabRelocationShare { get; init; } = 0.5;

    [Parameter(ParameterGroup.Labs, ParameterDomain.Share, "monthly raid probability",
        "Monthly raid probability by which the lab's own jurisdiction must exceed the safest other lab jurisdiction before it moves.",
        UsedIn = "margin of own raid risk over the safest reachable site before moving",
        Source = "[A]",
        Prior = "log-uniform(0.017, 0.15)", PriorBasis = "judgement")]
    public double LabRelocationPressureGap { get; init; } = 0.05;

    [Parameter(ParameterGroup.Labs, ParameterDomain.Share, "probability per lab per month",
        "Monthly probability that a lab reviews its launderer (L425).",
        UsedIn = "launderer choice",
        Source = "[A] (mechanism `report L425`)",
        Prior = "beta(1.2, 4.8)", PriorBasis = "judgement")]
    public double LabLaundererReviewRate { get; init; } = 0.2;
}
