namespace SupplySim.Model.World;

// Suppliers and brokers (the supply world). Each property is one parameter: its [Parameter] is the declaration (docs/model.md#parameters).
public sealed partial record ModelParameters
{
    [Parameter(ParameterGroup.Supply, ParameterDomain.NonNegative, "expected penalty as a multiple of the deal's value",
        "Expected penalty as a multiple of a sale's value when caught selling a scheduled chemical.",
        UsedIn = "supplier and lab go/no-go; broker substitution penalty",
        Source = "[A] (mechanism `report L480`)",
        Prior = "log-uniform(6.7, 60)", PriorBasis = "judgement")]
    public double PenaltyMultiple { get; init; } = 20;

    [Parameter(ParameterGroup.Supply, ParameterDomain.Share, "share of sale value",
        "Gross margin of an illicit chemical sale, as a share of its value.",
        UsedIn = "supplier go/no-go",
        Source = "[A]",
        Prior = "beta(3, 3)", PriorBasis = "judgement")]
    public double SupplierMargin { get; init; } = 0.5;

    [Parameter(ParameterGroup.Supply, ParameterDomain.Share, "relative growth of illicit capacity per month",
        "Monthly growth of a supplier's capacity for illicit buyers while their orders exceed it, up to its whole plant (the growth of the trade 2013-2021).",
        UsedIn = "supplier capacity growth while orders exceed it",
        Source = "[A], **fitted**: baseline 0.055",
        Prior = "uniform(0, 0.15)", PriorBasis = "judgement; calibration fitted 0.055 for the baseline (docs/calibration.md)")]
    public double SupplierCapacityAdjust { get; init; } = 0.0;

    [Parameter(ParameterGroup.Supply, ParameterDomain.NonNegative, "log-normal σ",
        "Spread (log-normal sigma) of suppliers' risk appetite.",
        UsedIn = "supplier and lab risk appetite",
        Source = "[A]; baseline 0.5, set by hand",
        Prior = "log-uniform(0.33, 3)", PriorBasis = "judgement")]
    public double RiskAppetiteSigma { get; init; } = 1.0;

    [Parameter(ParameterGroup.Supply, ParameterDomain.Share, "probability per order",
        "Best screening probability of a KYC programme of quality 1 (L1182-L1190).",
        UsedIn = "KYC screening `q = quality × this × (1 − disguise)`",
        Source = "[A] (mechanism `report L1182`–`L1190`)",
        Prior = "beta(5.4, 0.6)", PriorBasis = "judgement")]
    public double KycMaxScreening { get; init; } = 0.9;

    [Parameter(ParameterGroup.Supply, ParameterDomain.Share, "ratio of benefit to cost",
        "A firm that runs KYC keeps it while its benefit is at least this share of its cost (set-up costs are sunk).",
        UsedIn = "a firm deciding KYC by its economics keeps it while its benefit is at least this share of its cost",
        Source = "[A] (set-up costs sunk)",
        Prior = "beta(3, 3)", PriorBasis = "judgement")]
    public double KycExitShare { get; init; } = 0.5;

    [Parameter(ParameterGroup.Supply, ParameterDomain.Share, "probability per broker per month",
        "Monthly probability that a broker reviews which chemical to offer; sets the substitution lag (L361, L839).",
        UsedIn = "substitution lag",
        Source = "[A] (mechanism `report L361`, `report L839`)",
        Prior = "beta(1.5, 4.5)", PriorBasis = "judgement")]
    public double BrokerReviewRate { get; init; } = 0.25;

    [Parameter(ParameterGroup.Supply, ParameterDomain.NonNegative, "log-normal σ",
        "Spread of brokers' idiosyncratic preference among substitutes (log-normal sigma).",
        UsedIn = "broker's fixed preference among substitutes",
        Source = "[A]",
        Prior = "log-uniform(0.05, 0.45)", PriorBasis = "judgement")]
    public double BrokerPreferenceSigma { get; init; } = 0.15;

    [Parameter(ParameterGroup.Supply, ParameterDomain.NonNegative, "months of expected demand",
        "Months of lab demand a broker tries to hold in stock.",
        UsedIn = "broker's stock target and initial stock",
        Source = "[A]",
        Prior = "log-uniform(0.33, 3)", PriorBasis = "judgement")]
    public double BrokerStockMonths { get; init; } = 1.0;

    [Parameter(ParameterGroup.Supply, ParameterDomain.Count, "suppliers",
        "Suppliers a broker splits each order across.",
        UsedIn = "favourite-supplier slots a broker's order is split over",
        Source = "[A]",
        Prior = "uniform(2, 8)", PriorBasis = "judgement (rounded to a whole number)")]
    public int BrokerSuppliersPerOrder { get; init; } = 4;
}
