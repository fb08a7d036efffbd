using System.Globalization;

namespace Cchc.Warehouse;

/// <summary>
/// What a file covers, as units of one family: the identity of a file's data. A file replaces earlier data only
/// within its own scope, never because it has the same name (see <see cref="ILoadSession.ClaimScope"/>).
/// </summary>
/// <param name="Family">The kind of scope: <see cref="Index"/>, <see cref="Plan"/>, <see cref="OneStopReport"/>.</param>
/// <param name="Units">The units it covers, e.g. 'PCI:2017' and 'PCI:2018' for a PCI workbook of two years.</param>
public sealed record FileScope(string Family, IReadOnlyCollection<string> Units)
{
    public const string Index = "index";
    public const string Plan = "plan";
    public const string OneStopReport = "onestop-report";

    /// <summary>An index workbook: its index and years ('PCI:2017').</summary>
    public static FileScope IndexYears(string indexCode, IEnumerable<int> years) =>
        new(Index, years.Distinct().Order().Select(y => string.Create(CultureInfo.InvariantCulture, $"{indexCode}:{y}")).ToList());

    /// <summary>A remediation plan: its province (dw.dim_province key) and plan year ('68:2018').</summary>
    public static FileScope RemediationPlan(int provinceKey, int planYear) =>
        new(Plan, [string.Create(CultureInfo.InvariantCulture, $"{provinceKey}:{planYear}")]);

    /// <summary>A one-stop results report: its province (dw.dim_province key), period and each level it reports
    /// ('68:2019-04-01:2019-06-30:province'). A later report of the same province and period replaces the levels it
    /// repeats and leaves the others to the earlier one.</summary>
    public static FileScope OneStopResults(int provinceKey, DateOnly periodStart, DateOnly periodEnd, IEnumerable<string> levelCodes) =>
        new(OneStopReport, levelCodes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(level => string.Create(CultureInfo.InvariantCulture, $"{provinceKey}:{periodStart:yyyy-MM-dd}:{periodEnd:yyyy-MM-dd}:{level}"))
            .ToList());

    public override string ToString() => $"{Family} {string.Join(", ", Units)}";
}

/// <summary>The commit of a file's transaction failed (full disk, lost connection): the environment, not the file.
/// Nothing of the file was kept; the run stops, and the file is tried again next time.</summary>
public sealed class WarehouseCommitException(string message, Exception inner) : Exception(message, inner);
