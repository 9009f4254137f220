using System.Globalization;

namespace SupplySim.Experiments.Reports;

/// <summary>How numbers read in tables for people (console and report.html): about four significant digits, thousands separators, "n/a" where undefined. Files keep full precision.</summary>
public static class Figures
{
    public static string Format(double v)
    {
        if (!double.IsFinite(v)) return "n/a";
        var a = Math.Abs(v);
        if (a >= 1e9) return (v / 1e9).ToString("#,##0.##", CultureInfo.InvariantCulture) + " B";
        if (a >= 1e6) return (v / 1e6).ToString("#,##0.##", CultureInfo.InvariantCulture) + " M";
        if (a >= 1e3) return v.ToString("#,##0", CultureInfo.InvariantCulture);
        if (a == 0) return "0";
        var decimals = Math.Clamp(3 - (int)Math.Floor(Math.Log10(a)), 0, 10);
        var s = v.ToString("F" + decimals, CultureInfo.InvariantCulture);
        return s.Contains('.') ? s.TrimEnd('0').TrimEnd('.') : s;
    }

    public static string Signed(double v) => double.IsFinite(v) && v > 0 ? "+" + Format(v) : Format(v);

    /// <summary>"mean ± half-width" of a 95% CI, or the mean alone where the interval is undefined.</summary>
    public static string PlusMinus(double mean, double halfWidth, bool signed = false)
    {
        var m = signed ? Signed(mean) : Format(mean);
        return double.IsFinite(halfWidth) && double.IsFinite(mean) ? $"{m} ± {Format(TwoDigits(halfWidth))}" : m;
    }

    /// <summary>Rounds to two significant digits: an interval's width is itself uncertain, so more digits would mislead.</summary>
    public static double TwoDigits(double v)
    {
        if (v == 0 || !double.IsFinite(v)) return v;
        var scale = Math.Pow(10, Math.Floor(Math.Log10(Math.Abs(v))) - 1);
        return Math.Round(v / scale) * scale;
    }

    public static string Interval(double low, double high)
        => double.IsFinite(low) && double.IsFinite(high) ? $"{Format(low)} to {Format(high)}" : "n/a";

    public static string SignedInterval(double low, double high)
        => double.IsFinite(low) && double.IsFinite(high) ? $"{Signed(low)} to {Signed(high)}" : "n/a";

    /// <summary>A share as an unsigned percentage, e.g. 0.37 -> "37%".</summary>
    public static string Share(double share)
        => double.IsFinite(share) ? (100 * share).ToString("0", CultureInfo.InvariantCulture) + "%" : "n/a";

    /// <summary>A relative change as a signed percentage, e.g. 0.032 -> "+3.2%".</summary>
    public static string Percent(double share)
        => double.IsFinite(share) ? (share > 0 ? "+" : "") + (100 * share).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "n/a";
}
