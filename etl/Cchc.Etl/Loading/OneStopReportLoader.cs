using System.Diagnostics;
using System.Globalization;
using Cchc.Etl.OneStop;
using Cchc.Etl.OneStopReports;
using Cchc.Etl.Quality;
using Cchc.Etl.Spreadsheets;
using Cchc.Warehouse;
using Cchc.Warehouse.OneStopReports;
using Cchc.Warehouse.Quality;

namespace Cchc.Etl.Loading;

/// <summary>
/// <c>cchc load onestop-report</c>: the national one-stop results report (forms 06a/06b/06c, "tình hình, kết quả giải
/// quyết TTHC") as .xlsx, .xls or .csv, recognised by its header. Each report (one per sheet) replaces what earlier
/// files said about its scope — province, period, levels — in one transaction; its lowest-grain rows go to
/// <c>dw.fact_onestop_report</c>, its group and total rows are checked against them by the data-quality rules.
/// </summary>
public sealed class OneStopReportLoader(string? provinceOption) : IConfigurableFileLoader
{
    public const string KindName = "onestop-report";

    public OneStopReportLoader()
        : this(null)
    {
    }

    public string Kind => KindName;

    public IReadOnlyList<string> OptionNames => ["province"];

    /// <summary><c>--province P</c>: the province of a report that names none (a GSO code or a name).</summary>
    public IFileLoader WithOptions(Func<string, string?> optionValue)
    {
        ArgumentNullException.ThrowIfNull(optionValue);
        if (optionValue("province") is not { } text)
        {
            return new OneStopReportLoader(null);
        }

        return new OneStopReportLoader(ProvinceOnDay.Code(text)
            ?? throw new ArgumentException($"--province '{text}' is not a province (a GSO code such as 68, or a name such as Lâm Đồng)"));
    }

    public bool Recognises(string path)
    {
        try
        {
            return File.Exists(path) && new FileInfo(path).Length <= OneStopReportParser.MaxFileBytes
                && FileFormats.Detect(path) is FileFormat.Xls or FileFormat.Xlsx or FileFormat.Csv
                && OneStopReportParser.LooksLikeReport(Workbook.Open(path));
        }
        catch (SpreadsheetException)
        {
            return false;
        }
    }

    public FileLoadResult Load(IWarehouse warehouse, long runId, string path)
    {
        ArgumentNullException.ThrowIfNull(warehouse);
        var clock = Stopwatch.StartNew();
        var exists = File.Exists(path);
        var info = new SourceFileInfo(Path.GetFullPath(path), Kind, exists ? FileHash.Sha256(path) : string.Empty, exists ? new FileInfo(path).Length : 0);
        ParsedOneStopReport parsed;
        try
        {
            if (exists && info.SizeBytes > OneStopReportParser.MaxFileBytes)
            {
                throw new OneStopReportFormatException(new SourceLocation(path), string.Create(CultureInfo.InvariantCulture,
                    $"{info.SizeBytes / (1024 * 1024):N0} MB is far larger than a results report (a few hundred rows): is it a dossier log? (cchc load onestop)"));
            }

            parsed = OneStopReportParser.Parse(Workbook.Open(path), provinceOption);
        }
        catch (SpreadsheetException e)
        {
            return Fail(warehouse, runId, info, e.Message, e.Location, clock);
        }
        catch (OneStopReportFormatException e)
        {
            return Fail(warehouse, runId, info, e.Message, e.Location, clock);
        }

        using var session = warehouse.BeginFile(runId, info);
        var loaded = 0;
        var replaced = new SortedSet<long>();
        foreach (var report in parsed.Reports)
        {
            replaced.UnionWith(OneStopReportStore.ReplaceScope(session, report.Scope));
            loaded += OneStopReportStore.Write(session, report);
        }

        session.Quarantine(parsed.Rejected);
        foreach (var (province, year) in parsed.Reports.Select(r => (r.Scope.ProvinceKey, r.Period.Year)).Distinct())
        {
            WarehouseQuality.EvaluateOneStopReports(SqlRunner.Of(session), session.RunId, session.FileId, DqStages.PostLoad, [year], province);
        }

        session.Commit(new FileLoadOutcome(loaded, parsed.Rejected.Count, "loaded", Summary(parsed, replaced)));
        return new FileLoadResult(path, Kind, true, loaded, parsed.Rejected.Count, clock.Elapsed, Years: parsed.Reports.Select(r => r.Period.Year).Distinct().ToList())
        {
            RowsRead = parsed.RowsRead,
            RowsSkipped = parsed.RowsSkipped,
        };
    }

    private static string Summary(ParsedOneStopReport parsed, IReadOnlyCollection<long> replaced)
    {
        var reports = parsed.Reports.Select(r =>
            string.Create(CultureInfo.InvariantCulture,
                $"{r.Period.Label} ({r.Period.Start:dd/MM/yyyy}–{r.Period.End:dd/MM/yyyy}), {Warehouse.Reference.ProvinceCatalog.Default.ByKey(r.Scope.ProvinceKey).ShortName}, levels {string.Join('+', r.Scope.LevelCodes)}: {r.Rows.Count} rows"));
        var text = $"{string.Join("; ", reports)}; province {parsed.ProvinceSource}; {parsed.RowsRead} table rows read, {parsed.RowsSkipped} group/total/blank rows skipped";
        return replaced.Count == 0 ? text : text + $"; replaces the same scope of file(s) {string.Join(", ", replaced)}";
    }

    private static FileLoadResult Fail(IWarehouse warehouse, long runId, SourceFileInfo info, string message, SourceLocation location, Stopwatch clock)
    {
        warehouse.RecordFailedFile(runId, info, message, [new QuarantineRecord(location, message)]);
        return new FileLoadResult(info.Path, info.Kind, false, 0, 1, clock.Elapsed, message);
    }
}
