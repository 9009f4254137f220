namespace SupplySim.Experiments.Calibration;

/// <summary>One calibration target: a figure of the report for a year.</summary>
public sealed record CalibrationTarget(string Name, int Year, double Value, string Source);

/// <summary>
/// What the baseline is fitted to (docs/calibration.md#the-targets): US synthetic-opioid deaths by year as the report gives
/// them, the CDC's series of synthetic-opioid deaths between and after them, and the fentanyl-with-stimulant share of
/// fentanyl deaths in 2021. Deaths from drugs the model does not cover (all-drug totals, such as the report's fall of about
/// 10% in 2023, L271) are not targets.
/// </summary>
public static class CalibrationTargets
{
    public static readonly CalibrationTarget[] Deaths =
    [
        new("us_synthetic_opioid_deaths", 2013, 3_105, "report L686"),
        new("us_synthetic_opioid_deaths", 2021, 70_602, "report L2127-L2128 (51,031 male + 19,571 female)"),
        new("us_synthetic_opioid_deaths", 2022, 73_654, "report L686"),
    ];

    /// <summary>
    /// Years the report does not give, from the public CDC WONDER series (NCHS Data Brief 457, 2022:
    /// deaths involving synthetic opioids other than methadone). Weighted half: they shape the path
    /// between the report's years but are not acceptance targets.
    /// </summary>
    public static readonly CalibrationTarget[] Path =
    [
        new("us_synthetic_opioid_deaths", 2015, 9_580, "CDC WONDER (NCHS Data Brief 457)"),
        new("us_synthetic_opioid_deaths", 2016, 19_413, "CDC WONDER (NCHS Data Brief 457)"),
        new("us_synthetic_opioid_deaths", 2017, 28_466, "CDC WONDER (NCHS Data Brief 457)"),
        new("us_synthetic_opioid_deaths", 2018, 31_335, "CDC WONDER (NCHS Data Brief 457)"),
        new("us_synthetic_opioid_deaths", 2019, 36_359, "CDC WONDER (NCHS Data Brief 457)"),
        new("us_synthetic_opioid_deaths", 2020, 56_516, "CDC WONDER (NCHS Data Brief 457)"),
        // Final 2023 figure (NCHS Data Brief 522, 2024): synthetic-opioid deaths fell only 1.4% from 2022 (73,838).
        new("us_synthetic_opioid_deaths", 2023, 72_776, "CDC WONDER (NCHS Data Brief 522)"),
    ];

    /// <summary>Share of fentanyl-involved deaths that also involve stimulants in 2021: 32.3 / (32.3 + 33.9) (report L2080).</summary>
    public static readonly CalibrationTarget StimulantShare2021 = new("fentanyl_stimulant_share", 2021, 32.3 / (32.3 + 33.9), "report L2080");

    /// <summary>Mexican labs' share of Mexican plus Chinese synthesis: at most this in 2018 (before the May 2019 class scheduling) ...</summary>
    public static readonly CalibrationTarget ShiftBefore = new("mexican_synthesis_share_max", 2018, 0.45, "report L253-L259, L361 (shift after May 2019)");

    /// <summary>... and at least this in 2021 (report L255, L1042).</summary>
    public static readonly CalibrationTarget ShiftAfter = new("mexican_synthesis_share_min", 2021, 0.85, "report L255, L1042");

    /// <summary>Accepted error: 20% per annual death figure, 5 points on the stimulant share (issue 3).</summary>
    public const double DeathTolerance = 0.20, ShareTolerance = 0.05;
}
