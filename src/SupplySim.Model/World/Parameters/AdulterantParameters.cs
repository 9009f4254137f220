namespace SupplySim.Model.World;

// Adulterants (xylazine), nitazenes, counterfeit pills, NPS and drug checking. Each property is one parameter: its [Parameter] is the declaration (docs/model.md#parameters).
public sealed partial record ModelParameters
{
    [Parameter(ParameterGroup.Adulterants, ParameterDomain.Share, "relative growth of the xylazine share per month (logistic)",
        "Monthly growth of the share of a region's doses cut with xylazine, from dealers imitating local dealers who already cut (logistic; xylazine spread from the East Coast, L490). With the spillover below and 0.6% of US-NE doses cut in 2013 it gives about 2.3% of US doses in 2019-01 and 11% in 2022-06, against xylazine in 2.9% and 10.9% of illicit-fentanyl deaths then (Kariisa et al., MMWR 72(26), 2023).",
        UsedIn = "dealers copying local dealers who cut",
        Source = "[A], set by hand with the spillover against Kariisa et al. 2023 (see [user population](#user-population-userpopulationshard)) (mechanism `report L490`)",
        Prior = "log-uniform(0.013, 0.12)", PriorBasis = "judgement")]
    public double XylazineImitation { get; init; } = 0.04;

    [Parameter(ParameterGroup.Adulterants, ParameterDomain.Share, "adoption per month per unit of the share in the country's other regions",
        "Monthly adoption of xylazine cutting driven by its share in the country's other regions (spread beyond the East Coast, L490).",
        UsedIn = "spread between regions of a country",
        Source = "[A], set by hand as above (mechanism `report L490`)",
        Prior = "log-uniform(0.0013, 0.012)", PriorBasis = "judgement")]
    public double XylazineSpillover { get; init; } = 0.004;

    [Parameter(ParameterGroup.Adulterants, ParameterDomain.Share, "share of naloxone's reversal lost on a cut dose",
        "Share of naloxone's reversal lost on a dose cut with xylazine, which naloxone does not reverse (L490, L2180).",
        UsedIn = "overdose hazard",
        Source = "[A] (mechanism `report L490`, `report L2180`)",
        Prior = "beta(3, 3)", PriorBasis = "judgement")]
    public double XylazineNaloxoneLoss { get; init; } = 0.5;

    [Parameter(ParameterGroup.Adulterants, ParameterDomain.NonNegative, "ratio",
        "Overdose hazard of a xylazine-cut dose relative to the same dose without it (L2180: overdose not fully responsive to naloxone).",
        UsedIn = "hazard of a cut dose relative to the same dose uncut",
        Source = "[A] (mechanism `report L2180`)",
        Prior = "uniform(1, 2)", PriorBasis = "judgement (L2180: not fully reversed by naloxone)")]
    public double XylazineHazardMultiplier { get; init; } = 1.0;

    [Parameter(ParameterGroup.Adulterants, ParameterDomain.Share, "share of naloxone's reversal lost on a nitazene dose (class `nitazene-related`)",
        "Share of naloxone's reversal lost on a nitazene dose (class `nitazene-related`, L355, L490): nitazene overdoses needed more naloxone doses than fentanyl ones (Amaducci et al., JAMA Netw Open 6(8):e2331264, 2023), which a bystander's kit may not hold.",
        UsedIn = "overdose hazard",
        Source = "[A], a judgement from Amaducci et al., JAMA Netw Open 6(8):e2331264, 2023 (nitazene overdoses needed more naloxone doses than fentanyl ones) (mechanism `report L355`, `report L490`)",
        Prior = "beta(1.8, 4.2)", PriorBasis = "judgement")]
    public double NitazeneNaloxoneLoss { get; init; } = 0.3;

    [Parameter(ParameterGroup.Adulterants, ParameterDomain.Share, "share of adoption stopped, and recession rate as a multiple of `xylazine-imitation`",
        "How much scheduling xylazine, where the dealers sell or where it is exported from (CN veterinary anaesthetics, L265), deters cutting with it: adoption falls by this share and the practice recedes.",
        UsedIn = "scheduling of the adulterant in the region or at the exporters",
        Source = "[A] (mechanism `report L265`)",
        Prior = "beta(3, 3)", PriorBasis = "judgement")]
    public double XylazineScheduleDeterrence { get; init; } = 0.5;

    [Parameter(ParameterGroup.Adulterants, ParameterDomain.Share, "kg of press capacity per kg of lab capacity per month",
        "Press capacity a lab acquires per month, as a share of its synthesis capacity, while presses can be bought; the chemical-exporting countries' press controls cut it (China's exports, L417).",
        UsedIn = "presses bought by active labs, × (1 − press control)",
        Source = "[A] (mechanism `report L417`)",
        Prior = "log-uniform(0.0033, 0.03)", PriorBasis = "judgement")]
    public double PillPressAcquisition { get; init; } = 0.01;

    [Parameter(ParameterGroup.Adulterants, ParameterDomain.Share, "share of presses per month",
        "Monthly share of a lab's press capacity worn out or lost.",
        UsedIn = "wear of presses",
        Source = "[A]",
        Prior = "log-uniform(0.0067, 0.06)", PriorBasis = "judgement")]
    public double PillPressDepreciation { get; init; } = 0.02;

    [Parameter(ParameterGroup.Adulterants, ParameterDomain.NonNegative, "extra initiation per unit of pill share",
        "Extra initiation per unit of counterfeit-pill share in a market: pills reach people who would not use powder (L2184).",
        UsedIn = "initiation × (1 + this × pill share)",
        Source = "[A] (mechanism `report L2184`)",
        Prior = "log-uniform(0.33, 3)", PriorBasis = "judgement")]
    public double PillInitiationUplift { get; init; } = 1.0;

    [Parameter(ParameterGroup.Adulterants, ParameterDomain.Share, "monthly erosion of a listing's control of the NPS market",
        "Monthly share of the NPS market that new, unlisted substances take over, so a listing's control erodes: the NPS recorded worldwide grew from 254 (2013) to 1,230 (November 2023), about 1.2% a month (L853).",
        UsedIn = "`NpsControl` × (1 − this) each month after its ramp",
        Source = "[A] (NPS recorded worldwide 254 in 2013 to 1,230 in November 2023, about 1.2% a month: `report L853`; cycle of prohibition and replacement: `report L2470`)",
        Prior = "truncated-normal(0.012, 0.003, 0.006, 0.018)", PriorBasis = "L853: NPS recorded worldwide grew about 1.2% a month 2013-2023")]
    public double NpsNovelty { get; init; } = 0.012;

    [Parameter(ParameterGroup.Adulterants, ParameterDomain.Share, "monthly return of NPS users to the market's drugs per unit of control",
        "Monthly probability that a person on NPS goes back to the market's drugs per unit of NPS control (their NPS is now listed).",
        UsedIn = "see the register table",
        Source = "[A]",
        Prior = "log-uniform(0.017, 0.15)", PriorBasis = "judgement")]
    public double NpsControlDeterrence { get; init; } = 0.05;

    [Parameter(ParameterGroup.Adulterants, ParameterDomain.Share, "overdose hazard avoided by a person who checks",
        "Share of a person's overdose hazard avoided by checking drugs before use: after a positive fentanyl test people use less, use more slowly, use with others or discard the drug (L1895; Peiper et al., Int J Drug Policy 63:122-128, 2019). No study gives a mortality effect, so the size is a judgement.",
        UsedIn = "hazard × (1 − `DrugChecking` × this)",
        Source = "[A] (behaviour change after a positive test strip: `report L1895`; Peiper et al., *Int J Drug Policy* 63:122–128, 2019; no mortality estimate exists)",
        Prior = "beta(1.5, 4.5)", PriorBasis = "judgement")]
    public double DrugCheckingHazardReduction { get; init; } = 0.25;

    [Parameter(ParameterGroup.Adulterants, ParameterDomain.Share, "route detection of pills as a share of powder's",
        "Route detection of counterfeit pills as a share of that of powder: fentanyl pressed into pills is harder to detect (L1798). 1 = detected alike (the baseline's default); the report gives no number.",
        UsedIn = "a consignment's pills are seized only when its draw is under route pressure × this",
        Source = "[A] (mechanism `report L1798`; 1 keeps pills and powder alike in the baseline)",
        Prior = "uniform(0.25, 1)", PriorBasis = "judgement (L1798: pills are harder to detect, no number given)")]
    public double PillRouteDetectionShare { get; init; } = 1.0;
}
