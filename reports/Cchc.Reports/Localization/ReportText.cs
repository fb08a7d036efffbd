using System.Globalization;
using Cchc.Reports.Charts;

namespace Cchc.Reports.Localization;

/// <summary>
/// The localisation table: every word a chart or report shows. One subclass per language (<see cref="VietnameseText"/>,
/// <see cref="EnglishText"/>); abstract members make a missing translation a compile error, so English is never partial
/// and no output mixes languages. Sentences are methods because the numbers decide their wording.
/// Numbers are formatted here with the language's separators (Vietnamese: 70,99; English: 70.99), without relying on
/// the machine's culture data.
/// </summary>
public abstract partial class ReportText
{
    public static ReportText Vietnamese { get; } = new VietnameseText();

    public static ReportText English { get; } = new EnglishText();

    public abstract ReportLanguage Language { get; }

    /// <summary>BCP 47 code for the HTML lang attribute.</summary>
    public abstract string Code { get; }

    protected abstract NumberFormatInfo Numbers { get; }

    public static ReportText For(ReportLanguage language) => language == ReportLanguage.En ? English : Vietnamese;

    /// <summary>Parses "vi" or "en" (case-insensitive).</summary>
    public static ReportText Parse(string code) => code.Trim().ToLowerInvariant() switch
    {
        "vi" => Vietnamese,
        "en" => English,
        _ => throw new ArgumentException($"Unknown report language '{code}': use 'vi' or 'en'.", nameof(code)),
    };

    public string Number(double value, int decimals = 2) => value.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), Numbers);

    /// <summary>With an explicit sign: "+1,25", "−0,40" (true minus sign), "0,00".</summary>
    public string WithSign(double value, int decimals = 2)
    {
        var text = Number(Math.Abs(value), decimals);
        var zero = Number(0, decimals);
        return text == zero ? zero : (value > 0 ? "+" : "−") + text;
    }

    /// <summary>A fraction (0.978) as a percentage ("97,8%").</summary>
    public string Percent(double fraction, int decimals = 1) => Number(100 * fraction, decimals) + "%";

    public string Whole(long value) => value.ToString("N0", Numbers);

    /// <summary>Axis tick labels: as few decimals as the value needs.</summary>
    public string Tick(double value) => value.ToString("#,##0.##", Numbers);

    public static string RankOf(int rank, int of) => $"{rank}/{of}";

    protected static NumberFormatInfo Separators(string decimalSeparator, string groupSeparator)
    {
        var numbers = (NumberFormatInfo)NumberFormatInfo.InvariantInfo.Clone();
        numbers.NumberDecimalSeparator = decimalSeparator;
        numbers.NumberGroupSeparator = groupSeparator;
        numbers.PercentDecimalSeparator = decimalSeparator;
        numbers.PercentGroupSeparator = groupSeparator;
        numbers.NegativeSign = "−";
        return NumberFormatInfo.ReadOnly(numbers);
    }

    protected static string Years(IReadOnlyList<int> years) => string.Join(", ", years.Order().Select(y => y.ToString(CultureInfo.InvariantCulture)));
}
