namespace Cchc.Etl.OneStop;

/// <summary>
/// Dates as one-stop exports write them, parsed without allocating: dd/MM/yyyy (also d/M/yyyy, '-' or '.' between
/// parts), the same followed by a time (dd/MM/yyyy HH:mm[:ss]), ISO yyyy-MM-dd[THH:mm[:ss]] and Excel serial numbers
/// (days since 1899-12-30, with or without a fraction for the time). The time of day is not kept: on-time rules compare days.
/// </summary>
internal static class DossierDates
{
    // Excel serials accepted as dates: 1950-01-01 … 2099-12-31. Smaller numbers are far more likely to be mistakes.
    private const int FirstSerial = 18264;
    private const int LastSerial = 73050;
    private static readonly DateOnly SerialEpoch = new(1899, 12, 30);

    public static bool TryParse(ReadOnlySpan<char> text, out DateOnly date)
    {
        date = default;
        var s = text.Trim();
        if (s.Length < 5)
        {
            return false;
        }

        if (s.Length >= 10 && IsDigit(s[0]) && IsDigit(s[1]) && IsDigit(s[2]) && IsDigit(s[3]) && s[4] == '-')
        {
            return TryIso(s, out date);
        }

        var sep = s.IndexOfAny('/', '-', '.');
        if (sep is 1 or 2)
        {
            return TryDayFirst(s, out date);
        }

        return TrySerial(s, out date);
    }

    private static bool TryIso(ReadOnlySpan<char> s, out DateOnly date)
    {
        date = default;
        if (s[7] != '-' || !TwoDigits(s, 5, out var month) || !TwoDigits(s, 8, out var day))
        {
            return false;
        }

        var year = ((s[0] - '0') * 1000) + ((s[1] - '0') * 100) + ((s[2] - '0') * 10) + (s[3] - '0');
        return IsTimeTail(s[10..]) && TryMake(year, month, day, out date);
    }

    private static bool TryDayFirst(ReadOnlySpan<char> s, out DateOnly date)
    {
        date = default;
        var i = 0;
        if (!Number(s, ref i, 2, out var day) || i >= s.Length || s[i] is not ('/' or '-' or '.'))
        {
            return false;
        }

        var separator = s[i++];
        if (!Number(s, ref i, 2, out var month) || i >= s.Length || s[i] != separator)
        {
            return false;
        }

        i++;
        var yearStart = i;
        if (!Number(s, ref i, 4, out var year) || i - yearStart != 4)
        {
            return false;
        }

        return IsTimeTail(s[i..]) && TryMake(year, month, day, out date);
    }

    private static bool TrySerial(ReadOnlySpan<char> s, out DateOnly date)
    {
        date = default;
        var dot = s.IndexOf('.');
        var whole = dot < 0 ? s : s[..dot];
        if (whole.Length is < 5 or > 5 || !AllDigits(whole) || (dot >= 0 && !AllDigits(s[(dot + 1)..])))
        {
            return false;
        }

        var serial = int.Parse(whole, provider: System.Globalization.CultureInfo.InvariantCulture);
        if (serial is < FirstSerial or > LastSerial)
        {
            return false;
        }

        date = SerialEpoch.AddDays(serial);
        return true;
    }

    /// <summary>Nothing, or a time after a space or 'T': H:mm, HH:mm:ss, optionally fractions, 'Z' or an offset, AM/PM/SA/CH.</summary>
    private static bool IsTimeTail(ReadOnlySpan<char> tail)
    {
        if (tail.IsEmpty)
        {
            return true;
        }

        if (tail[0] is not (' ' or 'T'))
        {
            return false;
        }

        var t = tail[1..].Trim();
        var i = 0;
        if (!Number(t, ref i, 2, out var hour) || hour > 23 || i >= t.Length || t[i] != ':')
        {
            return t.IsEmpty;
        }

        i++;
        var minuteStart = i;
        if (!Number(t, ref i, 2, out var minute) || i - minuteStart != 2 || minute > 59)
        {
            return false;
        }

        foreach (var c in t[i..])
        {
            if (!(IsDigit(c) || c is ':' or '.' or ' ' or 'Z' or '+' or '-' or 'A' or 'P' or 'M' or 'S' or 'C' or 'H' or 'a' or 'p' or 'm'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool TryMake(int year, int month, int day, out DateOnly date)
    {
        date = default;
        if (year is < 1950 or > 2099 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }

    private static bool Number(ReadOnlySpan<char> s, ref int i, int maxDigits, out int value)
    {
        value = 0;
        var start = i;
        while (i < s.Length && i - start < maxDigits && IsDigit(s[i]))
        {
            value = (value * 10) + (s[i] - '0');
            i++;
        }

        return i > start;
    }

    private static bool TwoDigits(ReadOnlySpan<char> s, int at, out int value)
    {
        value = 0;
        if (!IsDigit(s[at]) || !IsDigit(s[at + 1]))
        {
            return false;
        }

        value = ((s[at] - '0') * 10) + (s[at + 1] - '0');
        return true;
    }

    private static bool AllDigits(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (!IsDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsDigit(char c) => (uint)(c - '0') <= 9;
}
