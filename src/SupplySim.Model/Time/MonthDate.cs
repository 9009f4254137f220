using System.Globalization;

namespace SupplySim.Model.Time;

/// <summary>A calendar month; one tick of the simulation is one month.</summary>
public readonly record struct MonthDate(int Year, int Month) : IComparable<MonthDate>
{
    public int Index => Year * 12 + (Month - 1);

    public static MonthDate FromIndex(int index) => new(index / 12, index % 12 + 1);

    public MonthDate AddMonths(int months) => FromIndex(Index + months);

    /// <summary>Number of months from <paramref name="start"/> to this date (the tick of this date in a run starting at start).</summary>
    public int MonthsSince(MonthDate start) => Index - start.Index;

    public int CompareTo(MonthDate other) => Index.CompareTo(other.Index);

    public static bool operator <(MonthDate a, MonthDate b) => a.Index < b.Index;
    public static bool operator >(MonthDate a, MonthDate b) => a.Index > b.Index;
    public static bool operator <=(MonthDate a, MonthDate b) => a.Index <= b.Index;
    public static bool operator >=(MonthDate a, MonthDate b) => a.Index >= b.Index;

    /// <summary>Parses "YYYY-MM" (a day part "YYYY-MM-DD" is accepted and dropped: ticks are months).</summary>
    public static bool TryParse(string? text, out MonthDate date)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var parts = text.Trim().Split('-');
        if (parts.Length is < 2 or > 3) return false;
        if (!int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var y) || parts[0].Length != 4) return false;
        if (!int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var m) || m is < 1 or > 12) return false;
        if (parts.Length == 3 && (!int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var d) || d is < 1 or > 31)) return false;
        date = new MonthDate(y, m);
        return true;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}");
}
