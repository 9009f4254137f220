namespace SupplySim.Model.World;

/// <summary>
/// Behaviour parameters shared by all agents of a run. Every default is either a figure from the seed
/// report (cited by line) or a modelling assumption marked [A] to be fitted in calibration (docs/model.md).
/// A scenario's <c>parameters:</c> block overrides any of them by its kebab-case name.
/// </summary>
public sealed record ModelParameters
{
    // ---- Suppliers and brokers (Supply world) ----
    /// <summary>Expected penalty as a multiple of a sale's value when caught selling a scheduled chemical [A].</summary>
    public double PenaltyMultiple { get; init; } = 20;
    /// <summary>Gross margin of an illicit chemical sale, as a share of its value [A].</summary>
    public double SupplierMargin { get; init; } = 0.5;
    /// <summary>Monthly growth of a supplier's capacity for illicit buyers while their orders exceed it, up to its whole plant (the growth of the trade 2013-2021) [A].</summary>
    public double SupplierCapacityAdjust { get; init; } = 0.0;
    /// <summary>Spread (log-normal sigma) of suppliers' risk appetite [A].</summary>
    public double RiskAppetiteSigma { get; init; } = 1.0;
    /// <summary>Best screening probability of a KYC programme of quality 1 (L1182-L1190) [A].</summary>
    public double KycMaxScreening { get; init; } = 0.9;
    /// <summary>A firm that runs KYC keeps it while its benefit is at least this share of its cost (set-up costs are sunk) [A].</summary>
    public double KycExitShare { get; init; } = 0.5;
    /// <summary>Monthly probability that a broker reviews which chemical to offer; sets the substitution lag (L361, L839) [A].</summary>
    public double BrokerReviewRate { get; init; } = 0.25;
    /// <summary>Spread of brokers' idiosyncratic preference among substitutes (log-normal sigma) [A].</summary>
    public double BrokerPreferenceSigma { get; init; } = 0.15;
    /// <summary>Months of lab demand a broker tries to hold in stock [A].</summary>
    public double BrokerStockMonths { get; init; } = 1.0;
    /// <summary>Suppliers a broker splits each order across [A].</summary>
    public int BrokerSuppliersPerOrder { get; init; } = 4;

    // ---- Labs (Clan-lab world) ----
    /// <summary>Share of the retail value of a kg paid to the producing lab (wholesale share) [A].</summary>
    public double WholesaleShare { get; init; } = 0.15;
    /// <summary>Gross margin of synthesis at wholesale; precursors are a tiny share of trafficker revenue (L443) [A].</summary>
    public double LabMargin { get; init; } = 0.8;
    /// <summary>Retail dealers per real resident: the retail stage's enforcement targets (dealers are not agents) [A].</summary>
    public double DealersPerResident { get; init; } = 0.0001;
    /// <summary>Share of a lab's precursor stock lost in a raid [A].</summary>
    public double RaidLossShare { get; init; } = 0.6;
    /// <summary>Delivery memory below which a lab drops its broker for another (displacement, L488) [A].</summary>
    public double LabSwitchThreshold { get; init; } = 0.5;
    /// <summary>Weight of the newest month in a lab's memory of whether its broker delivered [A].</summary>
    public double LabFillMemory { get; init; } = 0.3;
    /// <summary>Share of outstanding orders a lab writes off each month (lost or refused) [A].</summary>
    public double LabOrderWriteOff { get; init; } = 0.3;
    /// <summary>Largest monthly change of a lab's capacity in answer to retail prices (L255, L259) [A].</summary>
    public double LabCapacityAdjust { get; init; } = 0.03;
    /// <summary>Share of the proceeds it receives that a lab pays in bribes each month where an agency is corruptible and its raid risk is above <see cref="LabBribePressure"/> (corruption, L1092-L1098; seed-mechanisms "corrupt or avoid") [A].</summary>
    public double LabBribeShare { get; init; } = 0.1;
    /// <summary>Monthly raid probability above which labs start to bribe corruptible agencies [A].</summary>
    public double LabBribePressure { get; init; } = 0.03;
    /// <summary>Monthly probability that a lab whose site is too risky moves part of its capacity to a safer jurisdiction (relocation, L1092-L1098) [A].</summary>
    public double LabRelocationRate { get; init; } = 0.1;
    /// <summary>Share of its capacity a relocating lab moves [A].</summary>
    public double LabRelocationShare { get; init; } = 0.5;
    /// <summary>Monthly raid probability by which the lab's own jurisdiction must exceed the safest other lab jurisdiction before it moves [A].</summary>
    public double LabRelocationPressureGap { get; init; } = 0.05;
    /// <summary>Monthly probability that a lab reviews its launderer (L425) [A].</summary>
    public double LabLaundererReviewRate { get; init; } = 0.2;

    // ---- Retail and users (User world) ----
    /// <summary>Street price of one dose, USD; the report gives no US price (seed-facts §0) [A].</summary>
    public double PricePerDoseUsd { get; init; } = 10;
    /// <summary>Fentanyl-equivalent mg per dose that the market is used to at the start [A].</summary>
    public double ReferencePotencyMg { get; init; } = 1.5;
    /// <summary>Lowest and highest mg per dose dealers sell (cutting bounds) [A].</summary>
    public double MinPotencyMg { get; init; } = 0.3;
    public double MaxPotencyMg { get; init; } = 6.0;
    /// <summary>Doses a month bought by a person who uses without disorder, and by one with OUD [A].</summary>
    public double DosesPerMonthUse { get; init; } = 12;
    public double DosesPerMonthOud { get; init; } = 75;
    /// <summary>Share of people on MOUD who still buy in a month [A].</summary>
    public double MoudBuyingShare { get; init; } = 0.15;
    /// <summary>Share of dealers' stock seized per month at full retail pressure [A].</summary>
    public double RetailSeizureShare { get; init; } = 0.5;

    /// <summary>Monthly rates (competing risks) [A] unless cited.</summary>
    public double InitiationRate { get; init; } = 0.0008;
    public double CessationRate { get; init; } = 0.04;
    public double ProgressionRate { get; init; } = 0.02;
    public double TreatmentEntryRate { get; init; } = 0.04;
    /// <summary>Monthly MOUD drop-out: buprenorphine keeps 45% at 6 months, methadone 55% at 12 (L1814); 0.087 is the mean of their monthly rates.</summary>
    public double MoudDropoutRate { get; init; } = 0.087;
    public double MoudToRemissionRate { get; init; } = 0.02;
    public double RelapseRate { get; init; } = 0.015;

    /// <summary>Monthly overdose death hazard of a person with OUD buying powder of one opioid at the reference potency [A]; a mixed
    /// market with pills (spread factor about 1.14, <see cref="Rules.PotencySpread"/>) has about 0.0025, the value before spread was modelled.</summary>
    public double OverdoseHazardOud { get; init; } = 0.0022;
    /// <summary>Hazard of a person who uses without disorder, relative to OUD [A].</summary>
    public double OverdoseRelativeUse { get; init; } = 0.3;
    /// <summary>Hazard on MOUD relative to untreated OUD [A].</summary>
    public double OverdoseRelativeMoud { get; init; } = 0.3;
    /// <summary>Elasticity of the hazard to potency: hazard scales as (potency / reference)^k (L1782, L1895) [A].</summary>
    public double PotencyHazardExponent { get; init; } = 1.5;
    /// <summary>Acute dose-response to a dose's deviation from the market's mean potency, to which tolerance has adapted: a dose of X mg
    /// carries (X / mean)^κ of the mean dose's hazard (L1782, L1895; <see cref="Rules.PotencySpread"/>) [A].</summary>
    public double DoseSurpriseExponent { get; init; } = 2;
    /// <summary>Dose-to-dose coefficient of variation of fentanyl content within a lot of powder [A].</summary>
    public double PotencyCvPowder { get; init; } = 0.6;
    /// <summary>Pill-to-pill coefficient of variation within a lot of counterfeit pills (tablets from one seizure span two orders of
    /// magnitude: CFSRE 2024; DEA Fentanyl Signature Profiling Program 2019, 2021) [A].</summary>
    public double PotencyCvPill { get; init; } = 1.0;
    /// <summary>Hazard multiplier for stimulant co-use (L2054, L2176-L2180) [A].</summary>
    public double StimulantHazardMultiplier { get; init; } = 1.6;
    /// <summary>Monthly probability that a person who uses opioids starts co-using stimulants: fentanyl markets make polysubstance use common (L2054, L2062, L2176-L2180) [A].</summary>
    public double StimulantUptakeRate { get; init; } = 0.0;
    /// <summary>Stimulant doses a month bought by a person who co-uses stimulants (use or OUD; on MOUD times <see cref="MoudBuyingShare"/>),
    /// where a stimulant is traded (a <c>role: stimulant</c> substance that some lab group makes) [A].</summary>
    public double StimulantDosesPerMonth { get; init; } = 20;
    /// <summary>Street price of one stimulant dose, USD: sticky like the opioid dose price; cheap methamphetamine (L2176-L2180) [A].</summary>
    public double StimulantPricePerDoseUsd { get; init; } = 5;
    /// <summary>Pure stimulant mg per dose the market is used to at the start; dealers cut between this times
    /// min-potency-mg / reference-potency-mg and times max-potency-mg / reference-potency-mg [A].</summary>
    public double StimulantPotencyMg { get; init; } = 25;
    /// <summary>Share of opioid overdoses that naloxone present at the scene reverses (L1889-L1891) [A].</summary>
    public double NaloxoneReversal { get; init; } = 0.5;

    // ---- Adulterants (xylazine) and counterfeit pills ----
    /// <summary>Monthly growth of the share of a region's doses cut with xylazine, from dealers imitating local dealers who already cut (logistic; xylazine spread from the East Coast, L490). With the spillover below and 0.6% of US-NE doses cut in 2013 it gives about 2.3% of US doses in 2019-01 and 11% in 2022-06, against xylazine in 2.9% and 10.9% of illicit-fentanyl deaths then (Kariisa et al., MMWR 72(26), 2023) [A, set by hand].</summary>
    public double XylazineImitation { get; init; } = 0.04;
    /// <summary>Monthly adoption of xylazine cutting driven by its share in the country's other regions (spread beyond the East Coast, L490) [A].</summary>
    public double XylazineSpillover { get; init; } = 0.004;
    /// <summary>Share of naloxone's reversal lost on a dose cut with xylazine, which naloxone does not reverse (L490, L2180) [A].</summary>
    public double XylazineNaloxoneLoss { get; init; } = 0.5;
    /// <summary>Overdose hazard of a xylazine-cut dose relative to the same dose without it (L2180: overdose not fully responsive to naloxone) [A].</summary>
    public double XylazineHazardMultiplier { get; init; } = 1.0;
    /// <summary>Share of naloxone's reversal lost on a nitazene dose (class <c>nitazene-related</c>, L355, L490): nitazene overdoses needed more naloxone doses than fentanyl ones (Amaducci et al., JAMA Netw Open 6(8):e2331264, 2023), which a bystander's kit may not hold [A].</summary>
    public double NitazeneNaloxoneLoss { get; init; } = 0.3;
    /// <summary>How much scheduling xylazine, where the dealers sell or where it is exported from (CN veterinary anaesthetics, L265), deters cutting with it: adoption falls by this share and the practice recedes [A].</summary>
    public double XylazineScheduleDeterrence { get; init; } = 0.5;
    /// <summary>Press capacity a lab acquires per month, as a share of its synthesis capacity, while presses can be bought; the chemical-exporting countries' press controls cut it (China's exports, L417) [A].</summary>
    public double PillPressAcquisition { get; init; } = 0.01;
    /// <summary>Monthly share of a lab's press capacity worn out or lost [A].</summary>
    public double PillPressDepreciation { get; init; } = 0.02;
    /// <summary>Extra initiation per unit of counterfeit-pill share in a market: pills reach people who would not use powder (L2184) [A].</summary>
    public double PillInitiationUplift { get; init; } = 1.0;
    /// <summary>Monthly share of the NPS market that new, unlisted substances take over, so a listing's control erodes:
    /// the NPS recorded worldwide grew from 254 (2013) to 1,230 (November 2023), about 1.2% a month (L853) [A].</summary>
    public double NpsNovelty { get; init; } = 0.012;
    /// <summary>Monthly probability that a person on NPS goes back to the market's drugs per unit of NPS control (their NPS is now listed) [A].</summary>
    public double NpsControlDeterrence { get; init; } = 0.05;
    /// <summary>Share of a person's overdose hazard avoided by checking drugs before use: after a positive fentanyl test
    /// people use less, use more slowly, use with others or discard the drug (L1895; Peiper et al., Int J Drug Policy
    /// 63:122-128, 2019). No study gives a mortality effect, so the size is a judgement [A].</summary>
    public double DrugCheckingHazardReduction { get; init; } = 0.25;
    /// <summary>Route detection of counterfeit pills as a share of that of powder: fentanyl pressed into pills is harder
    /// to detect (L1798). 1 = detected alike (the baseline's default); the report gives no number [A].</summary>
    public double PillRouteDetectionShare { get; init; } = 1.0;

    // ---- Levers and cooperation ----
    /// <summary>Monthly relative decay of KYC screening quality without retraining (L1186-L1188) [A].</summary>
    public double KycQualityDecay { get; init; } = 0.03;
    /// <summary>Extra detection of money flows through a bank-touching method at full AML cooperation, as a multiple of the base (L421-L437) [A].</summary>
    public double AmlDetectionBoost { get; init; } = 4.0;
    /// <summary>Detection probability added at the supplier and broker stages by fully actionable foreign intelligence (L273, L413) [A].</summary>
    public double IntelligencePressure { get; init; } = 0.08;
    /// <summary>Monthly share of the gap to its starting level that trust recovers on its own (slow rebuilding, L620, L1681) [A].</summary>
    public double TrustRecoveryRate { get; init; } = 0.01;
    /// <summary>Share of the gap to full trust a prompt reward of intensity 1 closes (reinforcement, L2337) [A].</summary>
    public double RewardTrustGain { get; init; } = 0.3;
    /// <summary>Months after which a reward is worth half as much to trust as a prompt one (rewards work when prompt, L2337) [A].</summary>
    public double RewardHalfLifeMonths { get; init; } = 6;
    /// <summary>Months an act may wait for its reward before trust starts to fade (extinction, L2337-L2339) [A].</summary>
    public double RewardPatienceMonths { get; init; } = 12;
    /// <summary>Monthly share of trust lost while an act of weight 1 (or more) goes unrewarded past the patience (L2337-L2339) [A].</summary>
    public double TrustExtinctionRate { get; init; } = 0.01;
    /// <summary>Months a broker stays offline after a takedown before relisting on a less visible channel (L405, L1474) [A].</summary>
    public int RelistMonths { get; init; } = 2;
}
