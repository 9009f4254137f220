namespace SupplySim.Model.World;

// Retail market, people who use drugs and the overdose hazard. Each property is one parameter: its [Parameter] is the declaration (docs/model.md#parameters).
public sealed partial record ModelParameters
{
    [Parameter(ParameterGroup.Retail, ParameterDomain.Positive, "USD per dose",
        "Street price of one dose, USD; the report gives no US price.",
        UsedIn = "retail revenue, price per mg, proceeds, capacity reference",
        Source = "[A] (the report gives no US price)",
        Prior = "log-uniform(5, 20)", PriorBasis = "judgement")]
    public double PricePerDoseUsd { get; init; } = 10;

    [Parameter(ParameterGroup.Retail, ParameterDomain.Positive, "mg fentanyl-equivalent per dose",
        "Fentanyl-equivalent mg per dose that the market is used to at the start.",
        UsedIn = "hazard reference, demand signal, capacity reference price",
        Source = "[A]",
        Prior = "fixed(1.5)", PriorBasis = "the unit of potency the other potency parameters are read against")]
    public double ReferencePotencyMg { get; init; } = 1.5;

    [Parameter(ParameterGroup.Retail, ParameterDomain.Positive, "mg per dose",
        "Lowest mg fentanyl-equivalent per dose that dealers sell (a cutting bound).",
        UsedIn = "retail cutting bound",
        Source = "[A], **fitted**: baseline 0.1364",
        Prior = "uniform(0.1, 0.75)", PriorBasis = "judgement; calibration fitted 0.14 for the baseline (docs/calibration.md); must stay at most reference-potency-mg")]
    public double MinPotencyMg { get; init; } = 0.3;

    [Parameter(ParameterGroup.Retail, ParameterDomain.Positive, "mg per dose",
        "Highest mg fentanyl-equivalent per dose that dealers sell (a cutting bound).",
        UsedIn = "retail cutting bound",
        Source = "[A]",
        Prior = "uniform(3, 12)", PriorBasis = "judgement; must stay at least reference-potency-mg")]
    public double MaxPotencyMg { get; init; } = 6.0;

    [Parameter(ParameterGroup.Retail, ParameterDomain.Positive, "doses per person-month",
        "Doses a month bought by a person who uses without disorder.",
        UsedIn = "demand of people in `use`",
        Source = "[A]",
        Prior = "log-uniform(4, 36)", PriorBasis = "judgement")]
    public double DosesPerMonthUse { get; init; } = 12;

    [Parameter(ParameterGroup.Retail, ParameterDomain.Positive, "doses per person-month",
        "Doses a month bought by a person with OUD.",
        UsedIn = "demand of people in `oud` (and, scaled, `moud`)",
        Source = "[A]",
        Prior = "log-uniform(25, 220)", PriorBasis = "judgement")]
    public double DosesPerMonthOud { get; init; } = 75;

    [Parameter(ParameterGroup.Retail, ParameterDomain.Share, "share",
        "Share of people on MOUD who still buy in a month.",
        UsedIn = "people on MOUD count as this share of an OUD buyer",
        Source = "[A]",
        Prior = "beta(0.9, 5.1)", PriorBasis = "judgement")]
    public double MoudBuyingShare { get; init; } = 0.15;

    [Parameter(ParameterGroup.Retail, ParameterDomain.NonNegative, "months of supply",
        "Months of supply held between import and street (wholesale and mid-level dealers' stock); each month 1 / (1 + cover) of it reaches the street. 0: everything that arrives is sold that month.",
        UsedIn = "retail clearing of markets the labs supply (how fast a supply shock reaches users)",
        Source = "[A], set so that the 2018-2019 scheduling shocks reach users over months, as the observed monthly deaths show (docs/model.md#distribution-stock)",
        Prior = "uniform(0, 4)", PriorBasis = "judgement: distributors hold weeks to months of stock")]
    public double DistributionCoverMonths { get; init; } = 3;

    [Parameter(ParameterGroup.Retail, ParameterDomain.Share, "share of dealer inventory per month at pressure 1",
        "Share of dealers' stock seized per month at full retail pressure.",
        UsedIn = "retail seizures",
        Source = "[A]",
        Prior = "beta(3, 3)", PriorBasis = "judgement")]
    public double RetailSeizureShare { get; init; } = 0.5;

    [Parameter(ParameterGroup.Retail, ParameterDomain.Share, "probability per person-month at full service",
        "Monthly probability that a person who does not use starts, at full service of the market.",
        UsedIn = "no-use → use",
        Source = "[A]",
        Prior = "log-uniform(0.00027, 0.0024)", PriorBasis = "judgement")]
    public double InitiationRate { get; init; } = 0.0008;

    [Parameter(ParameterGroup.Retail, ParameterDomain.Share, "probability per person-month",
        "Monthly probability that a person who uses without disorder stops.",
        UsedIn = "use → no-use",
        Source = "[A]",
        Prior = "log-uniform(0.013, 0.12)", PriorBasis = "judgement")]
    public double CessationRate { get; init; } = 0.04;

    [Parameter(ParameterGroup.Retail, ParameterDomain.Share, "probability per person-month",
        "Monthly probability that a person who uses without disorder develops OUD.",
        UsedIn = "use → oud",
        Source = "[A]",
        Prior = "log-uniform(0.0067, 0.06)", PriorBasis = "judgement")]
    public double ProgressionRate { get; init; } = 0.02;

    [Parameter(ParameterGroup.Retail, ParameterDomain.Share, "probability per person-month",
        "Monthly probability that a person with OUD enters MOUD while places are free.",
        UsedIn = "oud → moud (if places are free)",
        Source = "[A] (capacity limit: `report L1808`)",
        Prior = "log-uniform(0.013, 0.12)", PriorBasis = "judgement")]
    public double TreatmentEntryRate { get; init; } = 0.04;

    [Parameter(ParameterGroup.Retail, ParameterDomain.Share, "probability per person-month",
        "Monthly MOUD drop-out: buprenorphine keeps 45% at 6 months, methadone 55% at 12 (L1814); 0.087 is the mean of their monthly rates.",
        UsedIn = "moud → oud",
        Source = "derived from `report L1814`: 45% of patients stay on buprenorphine at 6 months, a monthly rate of 1 − 0.45^(1/6) ≈ 0.125; 55% stay on methadone at 12 months, 1 − 0.55^(1/12) ≈ 0.049; their mean is 0.087",
        Prior = "truncated-normal(0.087, 0.02, 0.049, 0.125)", PriorBasis = "L1814: between the monthly drop-out of buprenorphine (0.125) and methadone (0.049)")]
    public double MoudDropoutRate { get; init; } = 0.087;

    [Parameter(ParameterGroup.Retail, ParameterDomain.Share, "probability per person-month",
        "Monthly probability that a person on MOUD moves to remission.",
        UsedIn = "moud → remission",
        Source = "[A]",
        Prior = "log-uniform(0.0067, 0.06)", PriorBasis = "judgement")]
    public double MoudToRemissionRate { get; init; } = 0.02;

    [Parameter(ParameterGroup.Retail, ParameterDomain.Share, "probability per person-month",
        "Monthly probability that a person in remission relapses to OUD.",
        UsedIn = "remission → oud",
        Source = "[A]",
        Prior = "log-uniform(0.005, 0.045)", PriorBasis = "judgement")]
    public double RelapseRate { get; init; } = 0.015;

    [Parameter(ParameterGroup.Retail, ParameterDomain.Share, "probability per person-month at reference potency, for powder of one opioid (spread factor *F* = 1)",
        "Monthly overdose death hazard of a person with OUD buying powder of one opioid at the reference potency; a mixed market with pills (spread factor about 1.14, PotencySpread) has about 0.0025, the value before spread was modelled.",
        UsedIn = "base overdose hazard",
        Source = "[A] (0.0025 before potency spread was modelled; a mixed market with pills, *F* ≈ 1.14, keeps about that), **fitted**: baseline 0.001331",
        Prior = "log-uniform(0.0007, 0.0066)", PriorBasis = "judgement; calibration fitted 0.0013 for the baseline (docs/calibration.md)")]
    public double OverdoseHazardOud { get; init; } = 0.0022;

    [Parameter(ParameterGroup.Retail, ParameterDomain.Share, "ratio to the OUD hazard",
        "Hazard of a person who uses without disorder, relative to OUD.",
        UsedIn = "hazard in `use`",
        Source = "[A]",
        Prior = "beta(1.8, 4.2)", PriorBasis = "judgement")]
    public double OverdoseRelativeUse { get; init; } = 0.3;

    [Parameter(ParameterGroup.Retail, ParameterDomain.Share, "ratio to the OUD hazard",
        "Hazard on MOUD relative to untreated OUD.",
        UsedIn = "hazard in `moud`",
        Source = "[A] (mechanism `report L1808`)",
        Prior = "beta(1.8, 4.2)", PriorBasis = "judgement")]
    public double OverdoseRelativeMoud { get; init; } = 0.3;

    [Parameter(ParameterGroup.Retail, ParameterDomain.NonNegative, "exponent (elasticity)",
        "Elasticity of the hazard to potency: hazard scales as (potency / reference)^k (L1782, L1895).",
        UsedIn = "hazard ∝ (potency / reference)^k",
        Source = "[A] (mechanism `report L1782`, `report L1895`), **fitted**: baseline 0.7498",
        Prior = "uniform(0.5, 2.5)", PriorBasis = "judgement; calibration fitted 0.75 for the baseline (docs/calibration.md)")]
    public double PotencyHazardExponent { get; init; } = 1.5;

    [Parameter(ParameterGroup.Retail, ParameterDomain.NonNegative, "exponent",
        "Acute dose-response to a dose's deviation from the market's mean potency, to which tolerance has adapted: a dose of X mg carries (X / mean)^κ of the mean dose's hazard (L1782, L1895; PotencySpread).",
        UsedIn = "hazard of a dose ∝ (its potency / the market's mean)^κ; spread factor *F*",
        Source = "[A] (mechanism `report L1782`, `report L1895`)",
        Prior = "log-uniform(0.67, 6)", PriorBasis = "judgement")]
    public double DoseSurpriseExponent { get; init; } = 2;

    [Parameter(ParameterGroup.Retail, ParameterDomain.NonNegative, "coefficient of variation",
        "Dose-to-dose coefficient of variation of fentanyl content within a lot of powder.",
        UsedIn = "dose-to-dose spread within a lot of powder",
        Source = "[A] (no public street-powder figure)",
        Prior = "log-uniform(0.2, 1.8)", PriorBasis = "judgement")]
    public double PotencyCvPowder { get; init; } = 0.6;

    [Parameter(ParameterGroup.Retail, ParameterDomain.NonNegative, "coefficient of variation",
        "Pill-to-pill coefficient of variation within a lot of counterfeit pills (tablets from one seizure span two orders of magnitude: CFSRE 2024; DEA Fentanyl Signature Profiling Program 2019, 2021).",
        UsedIn = "pill-to-pill spread within a lot of counterfeit pills",
        Source = "[A] (tablets of one seizure span 0.012–6.6 mg: CFSRE 2024; DEA Fentanyl Signature Profiling Program 2019, 2021; `report L2184`)",
        Prior = "log-uniform(0.33, 3)", PriorBasis = "judgement")]
    public double PotencyCvPill { get; init; } = 1.0;

    [Parameter(ParameterGroup.Retail, ParameterDomain.NonNegative, "ratio",
        "Hazard multiplier for stimulant co-use (L2054, L2176-L2180).",
        UsedIn = "hazard of people with stimulant co-use",
        Source = "[A] (mechanism `report L2054`, `report L2176`–`L2180`)",
        Prior = "log-uniform(0.53, 4.8)", PriorBasis = "judgement")]
    public double StimulantHazardMultiplier { get; init; } = 1.6;

    [Parameter(ParameterGroup.Retail, ParameterDomain.Share, "probability per person-month at full service",
        "Monthly probability that a person who uses opioids starts co-using stimulants: fentanyl markets make polysubstance use common (L2054, L2062, L2176-L2180).",
        UsedIn = "people in use or OUD who start co-using stimulants (× the opioid served share; × the stimulant served share where a stimulant is traded)",
        Source = "[A] (mechanism `report L2054`, `report L2062`, `report L2176`–`L2180`), **fitted**: baseline 0.006657",
        Prior = "uniform(0, 0.02)", PriorBasis = "judgement; calibration fitted 0.0067 for the baseline (docs/calibration.md)")]
    public double StimulantUptakeRate { get; init; } = 0.0;

    [Parameter(ParameterGroup.Retail, ParameterDomain.Positive, "doses per person-month",
        "Stimulant doses a month bought by a person who co-uses stimulants (use or OUD; on MOUD times MoudBuyingShare), where a stimulant is traded (a `role: stimulant` substance that some lab group makes).",
        UsedIn = "stimulant demand of co-users (use, OUD; MOUD × `moud-buying-share`), where a stimulant is traded",
        Source = "[A]",
        Prior = "log-uniform(6.7, 60)", PriorBasis = "judgement")]
    public double StimulantDosesPerMonth { get; init; } = 20;

    [Parameter(ParameterGroup.Retail, ParameterDomain.Positive, "USD per dose",
        "Street price of one stimulant dose, USD: sticky like the opioid dose price; cheap methamphetamine (L2176-L2180).",
        UsedIn = "stimulant retail revenue, price per mg, proceeds, stimulant labs' capacity reference",
        Source = "[A] (cheap methamphetamine, `report L2176`–`L2180`)",
        Prior = "log-uniform(1.7, 15)", PriorBasis = "judgement")]
    public double StimulantPricePerDoseUsd { get; init; } = 5;

    [Parameter(ParameterGroup.Retail, ParameterDomain.Positive, "pure mg per dose",
        "Pure stimulant mg per dose the market is used to at the start; dealers cut between this times min-potency-mg / reference-potency-mg and times max-potency-mg / reference-potency-mg.",
        UsedIn = "stimulant demand signal, cutting bounds (× `min-potency-mg` and `max-potency-mg` ÷ `reference-potency-mg`), capacity reference",
        Source = "[A]",
        Prior = "log-uniform(8.3, 75)", PriorBasis = "judgement")]
    public double StimulantPotencyMg { get; init; } = 25;

    [Parameter(ParameterGroup.Retail, ParameterDomain.Share, "share of overdoses reversed where naloxone is at hand",
        "Share of opioid overdoses that naloxone present at the scene reverses (L1889-L1891).",
        UsedIn = "hazard × (1 − coverage × this)",
        Source = "[A] (mechanism `report L1889`–`L1891`); baseline 0.75 by hand (a free fit drove it to 1)",
        Prior = "beta(6, 4)", PriorBasis = "judgement (L1889-L1891); the baseline sets 0.75 by hand")]
    public double NaloxoneReversal { get; init; } = 0.5;
}
