using System.Text.Json;

namespace SupplySim.Experiments.Analysis;

/// <summary>A per-tick headline series (timeseries.csv, time-series charts).</summary>
public sealed record SeriesInfo(string Key, string Label, string Unit);

/// <summary>
/// A headline outcome of one run (replicates.csv, summary statistics, compare and sweep tables): its key in
/// a run's summary.json "headline", a label for people, a unit, and the per-tick series that charts it.
/// </summary>
public sealed record Outcome(string Key, string Label, string Unit, string Series)
{
    /// <summary>The outcome's value in a run's summary.json "headline" object (NaN where undefined).</summary>
    public double Read(JsonElement headline)
    {
        if (Key == "seized_kg_total")
            return headline.GetProperty("seized_kg_by_stage").EnumerateObject().Sum(p => p.Value.GetDouble());
        var v = headline.GetProperty(Key);
        return v.ValueKind == JsonValueKind.Number ? v.GetDouble() : double.NaN;
    }
}

/// <summary>The headline outcomes and series every experiment reports (docs/experiments.md), in report order.</summary>
public static class Outcomes
{
    public const string Deaths = "overdose_deaths_total";
    public const string Spend = "enforcement_spend_usd_total";

    /// <summary>Paired against the reference arm: (reference deaths − deaths) / ((spend − reference spend) / 1e6), per replicate.</summary>
    public static readonly Outcome DeathsAvertedPerMillionUsd = new("deaths_averted_per_million_usd", "Deaths averted per USD 1M of extra enforcement spend", "people per USD 1M", "");

    public static IReadOnlyList<Outcome> Headline { get; } =
    [
        new(Deaths, "Overdose deaths (cumulative)", "people", "overdose_deaths_cumulative"),
        new("supply_reaching_users_kg_total", "Supply reaching users (total)", "kg fentanyl-equivalent", "supply_reaching_users_kg"),
        new("retail_price_per_mg_mean", "Retail price (supply-weighted mean)", "USD per pure mg", "retail_price_per_mg"),
        new("retail_potency_mean", "Retail potency (supply-weighted mean)", "mg per dose", "retail_potency"),
        new("substitution_index_final", "Substitution index (final)", "0..1", "substitution_index"),
        new("displacement_index_origin_final", "Displacement index, precursor origin (final)", "0..1", "displacement_index_origin"),
        new("displacement_index_lab_final", "Displacement index, lab location (final)", "0..1", "displacement_index_lab"),
        new("laundered_usd_total", "Money laundered (total)", "USD", "laundered_usd"),
        new("seized_usd_total", "Money seized (total)", "USD", "seized_usd"),
        new("seized_kg_total", "Drug and chemicals seized (total)", "kg", "seized_kg"),
        new(Spend, "Enforcement spend (total)", "USD", "enforcement_spend_usd"),
    ];

    public static IReadOnlyList<SeriesInfo> Series { get; } =
    [
        new("overdose_deaths_cumulative", "Cumulative overdose deaths", "people"),
        new("overdose_deaths", "Overdose deaths per month", "people per month"),
        new("supply_reaching_users_kg", "Supply reaching users per month", "kg fentanyl-equivalent per month"),
        new("retail_price_per_mg", "Retail price (supply-weighted)", "USD per pure mg"),
        new("retail_potency", "Retail potency (supply-weighted)", "mg per dose"),
        new("substitution_index", "Substitution index", "0..1"),
        new("displacement_index_origin", "Displacement index, precursor origin", "0..1"),
        new("displacement_index_lab", "Displacement index, lab location", "0..1"),
        new("laundered_usd", "Money laundered per month", "USD per month"),
        new("seized_usd", "Money seized per month", "USD per month"),
        new("seized_kg", "Drug and chemicals seized per month", "kg per month"),
        new("enforcement_spend_usd", "Enforcement spend per month", "USD per month"),
    ];

    public static Outcome? Find(string key)
        => key == DeathsAvertedPerMillionUsd.Key ? DeathsAvertedPerMillionUsd : Headline.FirstOrDefault(o => o.Key == key);
}
