using System.Globalization;
using System.Text.RegularExpressions;

namespace SupplySim.Experiments.Validation;

/// <summary>
/// The period of an observation: a year (YYYY), a month (YYYY-MM) or a quarter (YYYY-Qn), as the months it covers.
/// Months are counted as year × 12 + (month − 1), so consecutive months differ by one.
/// </summary>
public readonly partial record struct ObservedPeriod(string Text, int FirstMonth, int Months)
{
    public int Year => FirstMonth / 12;

    /// <summary>The months the period covers, in order.</summary>
    public IEnumerable<int> MonthsCovered => Enumerable.Range(FirstMonth, Months);

    /// <summary>The period of the same length just before this one (the base of a relative change).</summary>
    public ObservedPeriod Previous => Of(FirstMonth - Months, Months);

    /// <summary>The middle of the period as an OLE date (a chart's x).</summary>
    public double Middle => new DateTime(Year, FirstMonth % 12 + 1, 1).AddDays(Months * 365.25 / 24).ToOADate();

    public static int MonthIndex(int year, int month) => year * 12 + month - 1;

    /// <summary>A period of 12, 3 or 1 months starting at <paramref name="firstMonth"/>, written as the observed files write it.</summary>
    public static ObservedPeriod Of(int firstMonth, int months)
    {
        var (y, m) = (firstMonth / 12, firstMonth % 12 + 1);
        var text = months switch
        {
            12 => y.ToString(CultureInfo.InvariantCulture),
            3 => $"{y}-Q{(m - 1) / 3 + 1}",
            _ => $"{y}-{m:D2}",
        };
        return new ObservedPeriod(text, firstMonth, months);
    }

    public static bool TryParse(string text, out ObservedPeriod period)
    {
        period = default;
        var m = Pattern().Match(text);
        if (!m.Success) return false;
        var year = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
        if (m.Groups["q"].Success)
        {
            period = new ObservedPeriod(text, MonthIndex(year, 3 * (m.Groups["q"].Value[0] - '0') - 2), 3);
            return true;
        }
        if (m.Groups["m"].Success)
        {
            var month = int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
            if (month is < 1 or > 12) return false;
            period = new ObservedPeriod(text, MonthIndex(year, month), 1);
            return true;
        }
        period = new ObservedPeriod(text, MonthIndex(year, 1), 12);
        return true;
    }

    /// <summary>A metrics.csv date (YYYY-MM) as a month index.</summary>
    public static int ParseMonth(string date)
        => MonthIndex(int.Parse(date.AsSpan(0, 4), CultureInfo.InvariantCulture), int.Parse(date.AsSpan(5, 2), CultureInfo.InvariantCulture));

    public override string ToString() => Text;

    [GeneratedRegex(@"^(?<y>\d{4})(?:-(?:Q(?<q>[1-4])|(?<m>\d{2})))?$")]
    private static partial Regex Pattern();
}
