using System.Globalization;

namespace Cchc.Cli.Commands;

/// <summary>Number formats of the analytics tables (invariant culture, so output is the same everywhere).</summary>
internal static class Numbers
{
    public static string Points(decimal? value) => value?.ToString("0.##", CultureInfo.InvariantCulture) ?? "-";

    public static string Signed(decimal? value) => value?.ToString("+0.##;-0.##;0", CultureInfo.InvariantCulture) ?? "-";

    public static string Signed(int? value) => value?.ToString("+0;-0;0", CultureInfo.InvariantCulture) ?? "-";

    public static string Int(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "-";

    /// <summary>Criterion codes in tables: "#1.2" (a bare "1.2" would read as a number and be right-aligned).</summary>
    public static string Code(string code) => code.All(c => char.IsAsciiDigit(c) || c == '.') ? "#" + code : code;

    public static string Metric(double? value) => value?.ToString("0.000", CultureInfo.InvariantCulture) ?? "n/a";

    /// <summary>A 90 % interval of rank places: "[-6.5, -1]"; "-" when none was simulated.</summary>
    public static string Interval(double? lower, double? upper) =>
        lower is { } l && upper is { } u ? FormattableString.Invariant($"[{l:0.#}, {u:0.#}]") : "-";

    public static string Percent(double? share) => share is { } s ? (100 * s).ToString("0", CultureInfo.InvariantCulture) + "%" : "-";
}
