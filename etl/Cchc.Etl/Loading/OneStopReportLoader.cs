using System.Globalization;
using Cchc.Etl.OneStopReports;
using Cchc.Etl.Provinces;
using Cchc.Etl.Quality;
using Cchc.Etl.Spreadsheets;
using Cchc.Warehouse;
using Cchc.Warehouse.OneStopReports;
using Cchc.Warehouse.Quality;

namespace Cchc.Etl.Loading;

/// <summary>
/// <c>cchc load onestop-report</c>: the national one-stop results report (forms 06a/06b/06c, "tình hình, kết quả giải
/// quyết TTHC") as .xlsx, .xls or .csv, recognised by its header. Each report (one per sheet) claims its scope —
/// province, period, levels — so that it replaces what earlier files said about exactly that scope, in one
/// transaction; its lowest-grain rows go to <c>dw.fact_onestop_report</c>, its group and total rows are checked
/// against them by the data-quality rules.
/// </summary>
internal sealed class OneStopReportLoader : FileLoader, IProvinceScopedLoader
{
    public const string KindName = "onestop-report";

    /// <summary>The province of a report that names none (<c>--province</c>, <c>CCHC_PROVINCE</c>).</summary>
    public ProvinceSetting Province { get; init; } = ProvinceSetting.None;

    public override string Kind => KindName;

    public IFileLoader WithProvince(ProvinceSetting province) => new OneStopReportLoader { Province = province };

    protected override bool RecognisesContent(string path) =>
        new FileInfo(path).Length <= OneStopReportParser.MaxFileBytes
        && FileFormats.Detect(path) is FileFormat.Xls or FileFormat.Xlsx or FileFormat.Csv
        && OneStopReportParser.LooksLikeReport(Workbook.Open(path));

    protected override FileLoadResult LoadFile(IWarehouse warehouse, long runId, LoadingFile file)
    {
        if (file.Info.SizeBytes > OneStopReportParser.MaxFileBytes)
        {
            throw new FileRefusedException(file.Where, string.Create(CultureInfo.InvariantCulture,
                $"{file.Info.SizeBytes / (1024 * 1024):N0} MB is far larger than a results report (a few hundred rows): is it a dossier log? (cchc load onestop)"));
        }

        ParsedOneStopReport parsed;
        try
        {
            parsed = OneStopReportParser.Parse(Workbook.Open(file.Path), Province);
        }
        catch (OneStopReportFormatException e)
        {
            return file.Fail(warehouse, runId, e.Message, [new QuarantineRecord(e.Location, e.Message)]);
        }

        using var session = warehouse.BeginFile(runId, file.Info);
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

        var years = parsed.Reports.Select(r => r.Period.Year).Distinct().ToList();
        return file.Commit(session, new RowCounts(parsed.RowsRead, loaded, parsed.Rejected.Count, parsed.RowsSkipped), Summary(parsed, replaced), years)
            with { ProvinceDecision = parsed.ProvinceSource };
    }

    private static string Summary(ParsedOneStopReport parsed, IReadOnlyCollection<long> replaced)
    {
        var reports = parsed.Reports.Select(r =>
            string.Create(CultureInfo.InvariantCulture,
                $"{r.Period.Label} ({r.Period.Start:dd/MM/yyyy}–{r.Period.End:dd/MM/yyyy}), {Warehouse.Reference.ProvinceCatalog.Default.ByKey(r.Scope.ProvinceKey).ShortName}, levels {string.Join('+', r.Scope.LevelCodes)}: {r.Rows.Count} rows"));
        var text = $"{string.Join("; ", reports)}; province {parsed.ProvinceSource}; {parsed.RowsRead} table rows read, {parsed.RowsSkipped} group/total/blank rows skipped";
        return replaced.Count == 0 ? text : text + $"; replaces the same scope of file(s) {string.Join(", ", replaced)}";
    }
}
