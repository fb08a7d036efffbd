using System.Globalization;
using System.Text;
using Cchc.Reports.Analytics.Tables;
using Cchc.Reports.Drivers;
using Cchc.Reports.Html;
using Cchc.Reports.Localization;
using Cchc.Reports.ReportData;
using Cchc.Warehouse;

namespace Cchc.Reports.Report;

/// <summary>What <c>cchc report --all</c> wrote.</summary>
public sealed record OverviewResult(string OverviewPath, IReadOnlyList<string> ReportPaths);

/// <summary>Where <see cref="ReportRunner.WriteAll"/> is: <paramref name="Done"/> of <paramref name="Total"/> reports
/// written, the next being <paramref name="Province"/>'s ("68 Lâm Đồng") in <paramref name="Folder"/>.</summary>
public sealed record ReportProgress(int Done, int Total, string Province, string Folder);

/// <summary>Writes reports: one province (<c>DIR/index.html</c> + PNGs) or every province of a year plus the national overview.</summary>
public sealed class ReportRunner(IWarehouse warehouse, ReportDrivers? drivers = null)
{
    private readonly ReportReader _reader = new(warehouse);

    private readonly ReportDrivers _drivers = drivers ?? new ReportDrivers();

    /// <returns>The path of the report's index.html.</returns>
    public string WriteProvince(ReportRequest request, string directory) =>
        HtmlReportWriter.Write(new ProvinceReportBuilder(_reader, _drivers).Build(request), directory);

    /// <summary>One report per province with a total score in the year, each in <c>DIR/&lt;code&gt;-&lt;name&gt;/</c>, and the overview in
    /// <c>DIR/index.html</c>. Provinces are built on every core at once: each report depends only on the warehouse and on
    /// the run's shared analytics (the model trained once), so the order they finish in changes nothing they say.</summary>
    public OverviewResult WriteAll(int year, string indexCode, ReportLanguage language, string directory, Action<ReportProgress>? progress = null)
    {
        var current = _reader.IndexYear(indexCode, year) ?? throw new ReportDataException(
            $"The warehouse has no {indexCode} scores for {year}; loaded years: {string.Join(", ", _reader.Years(indexCode))}.");
        var builder = new ProvinceReportBuilder(_reader, _drivers);
        var previousYear = _reader.Years(indexCode).Where(y => y < year).Cast<int?>().LastOrDefault();
        var previous = previousYear is { } py ? _reader.IndexYear(indexCode, py) : null;
        var provinces = current.Ranked.Select(p => p.Province).ToList();
        var written = new (ProvinceReport Report, string Path)[provinces.Count];
        var done = 0;
        var progressGate = new Lock();
        var training = _drivers.TrainInBackground(_reader.Source, indexCode);
        try
        {
            Parallel.For(0, provinces.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
            {
                var province = provinces[i];
                var folder = FolderName(province.Code, province.Name);
                lock (progressGate)
                {
                    progress?.Invoke(new ReportProgress(done, provinces.Count, $"{province.Code} {province.Name}", folder));
                }

                var report = builder.Build(new ReportRequest(province.Code, year, indexCode, language));
                written[i] = (report, HtmlReportWriter.Write(report, Path.Combine(directory, folder)));
                Interlocked.Increment(ref done);
            });
            training.Wait();
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            // The first failure as itself (a ReportDataException is a usage error the CLI words), not wrapped.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
            throw;
        }

        var rows = provinces.Select((province, i) => new OverviewRow(written[i].Report.Headline.RankValue, province.Name, written[i].Report.Headline.ScoreValue,
            RankChange(current, previous, province.Key), $"{FolderName(province.Code, province.Name)}/{HtmlReportWriter.IndexFile}")).ToList();
        var banner = written.Select(w => w.Report.SyntheticBanner).FirstOrDefault(b => b is not null);
        var text = ReportText.For(language);
        var overview = new NationalOverview(text, text.IndexName(indexCode), year, rows,
            current.IsSynthetic ? text.SyntheticBanner($"{text.IndexName(indexCode)} {year}") : banner,
            text.WarehouseLabel(warehouse.Target.DisplayName));
        return new OverviewResult(NationalOverviewWriter.Write(overview, directory), written.Select(w => w.Path).ToList());
    }

    /// <summary>"68-lam-dong": the GSO code and the name folded to ASCII, safe as a folder name and a relative link.</summary>
    public static string FolderName(string code, string shortName)
    {
        var folded = new StringBuilder();
        foreach (var ch in TextFolding.StripDiacritics(shortName))
        {
            folded.Append(char.IsAsciiLetterOrDigit(ch) ? char.ToLowerInvariant(ch) : '-');
        }

        var slug = string.Join('-', folded.ToString().Split('-', StringSplitOptions.RemoveEmptyEntries));
        return $"{code}-{slug}";
    }

    private static int? RankChange(IndexYear current, IndexYear? previous, int provinceKey)
    {
        var before = previous?.Row(provinceKey, IndexCodes.Total);
        var now = current.Row(provinceKey, IndexCodes.Total);
        return before is null || now is null || before.ProvincesRanked != now.ProvincesRanked ? null : before.Rank - now.Rank;
    }
}
