using Cchc.Reports.Analytics.Tables;
using Cchc.Reports.Drivers;
using Cchc.Reports.Localization;
using Cchc.Reports.ReportData;
using Cchc.Warehouse.Reference;

namespace Cchc.Reports.Report;

/// <summary>
/// Builds a province report: the headline, the ten chart sections, the priority table, plan status, data-quality
/// warnings, methodology notes and provenance. A section whose data or analysis is missing is kept with the reason it
/// is omitted, so the reader knows what is absent and why.
/// </summary>
internal sealed class ProvinceReportBuilder(ReportReader reader, ReportDrivers drivers)
{
    public ProvinceReport Build(ReportRequest request)
    {
        var text = ReportText.For(request.Language);
        var current = reader.IndexYear(request.IndexCode, request.Year)
            ?? throw new ReportDataException(MissingIndexYear(request));
        var province = ProvinceCatalog.Default.ByCode(request.ProvinceCode, request.Year)
            ?? throw new ReportDataException($"No province has GSO code '{request.ProvinceCode}' in {request.Year}.");
        if (current.Province(province.Key)?.Total is null)
        {
            throw new ReportDataException(
                $"{province.ShortName} ({province.GsoCode}) has no {request.IndexCode} total score for {request.Year} in the warehouse.");
        }

        var c = new ReportContext(request, reader, drivers, province, current);
        var charts = new ChartSections(c);
        var plan = RemediationPlanReader.Read(reader, province.GsoCode, request.IndexCode, request.Year);
        var tables = new TableSections(c, charts, plan);
        var notes = new NoteSections(c);
        ReportSection[] beforeModel = [charts.RankHistory(), charts.PointsLost(), charts.Waterfall(), charts.Attribution(), charts.Distribution(), charts.Heatmap(), tables.Priorities()];
        ReportSection[] afterModel = [charts.OnTime(), charts.Scatter(), tables.PlanStatus(), tables.DataQuality()];

        // Built last, shown eighth: a run that reports on every province trains the model while the rest is built.
        var sections = new List<ReportSection>([.. beforeModel, charts.Model(), .. afterModel]);
        sections.Add(notes.Methodology());
        sections.Add(notes.Provenance());

        return new ProvinceReport(text, request, c.ProvinceName, text.ReportTitle(c.IndexName, request.Year, c.ProvinceName),
            Headline(c), Banner(c), sections, text.WarehouseLabel(reader.Warehouse.Target.DisplayName));
    }

    private static Headline Headline(ReportContext c)
    {
        var t = c.Text;
        var own = c.Total;
        string change;
        if (c.Previous is null)
        {
            change = t.NoPreviousYear;
        }
        else if (c.PreviousKey is null)
        {
            var constituents = c.Province.FormedFromCodes
                .Select(code => c.Previous.Ranked.FirstOrDefault(p => p.Province.Code == code))
                .OfType<ProvinceScores>()
                .Select(p => c.Previous.Row(p.Province.Key, Warehouse.IndexCodes.Total)!)
                .Select(r => (r.ProvinceName, r.Rank ?? 0, r.ProvincesRanked)).ToList();
            c.Use(constituents.Count == 0 ? [] : c.Previous.Rows.Where(r => r.CriterionCode == Warehouse.IndexCodes.Total && c.Province.FormedFromCodes.Contains(r.ProvinceCode)));
            change = t.MergedProvince(c.Previous.Year, constituents);
        }
        else if (c.Previous.Row(c.PreviousKey.Value, Warehouse.IndexCodes.Total) is { Score: { } before } previous)
        {
            c.Use([previous]);
            change = t.Change((double)(own.Score!.Value - before), previous.Rank ?? 0, own.Rank ?? 0, previous.ProvincesRanked, own.ProvincesRanked, c.Previous.Year);
        }
        else
        {
            change = t.MissingPreviousYear(c.Previous.Year);
        }

        return new Headline(t.ScoreValue((double)own.Score!.Value, (double?)own.MaxPoints), t.RankValue(own.Rank ?? 0, own.ProvincesRanked), change,
            (double)own.Score!.Value, own.Rank ?? 0, own.ProvincesRanked);
    }

    /// <summary>The banner shown whenever any number in the report comes from synthetic data.</summary>
    private static string? Banner(ReportContext c)
    {
        var synthetic = c.UsedRows.Where(r => r.IsSynthetic).ToList();
        if (synthetic.Count == 0 && c.OtherSynthetic.Count == 0)
        {
            return null;
        }

        var what = synthetic.GroupBy(r => r.IndexCode).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{c.Text.IndexName(g.Key)} {Span(g.Min(r => r.Year), g.Max(r => r.Year))}")
            .Concat(c.OtherSynthetic);
        return c.Text.SyntheticBanner(string.Join(", ", what));
    }

    private static string Span(int first, int last) =>
        first == last ? first.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{first}–{last}";

    private string MissingIndexYear(ReportRequest request)
    {
        var years = reader.Years(request.IndexCode);
        return years.Count == 0
            ? $"The warehouse has no {request.IndexCode} scores at all."
            : $"The warehouse has no {request.IndexCode} scores for {request.Year}; loaded years: {string.Join(", ", years)}.";
    }
}

/// <summary>The warehouse lacks what a report needs (a usage-level problem: wrong year, province or index).</summary>
public sealed class ReportDataException(string message) : Exception(message);
