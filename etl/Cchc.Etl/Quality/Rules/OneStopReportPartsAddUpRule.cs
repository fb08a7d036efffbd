using Cchc.Warehouse.OneStopReports;
using Cchc.Warehouse.Quality;

namespace Cchc.Etl.Quality.Rules;

/// <summary>
/// In every row of a results report (group and total rows too) the parts add up to their total: received = carried over
/// + online + in person/postal (or + newly received), resolved = early + on time + late, pending = not yet due + overdue.
/// Checked only where the form has every part.
/// </summary>
internal sealed class OneStopReportPartsAddUpRule : OneStopReportRule
{
    public override string Name => "onestop-report-parts-add-up";

    public override DqSeverity Severity => DqSeverity.Warning;

    public override string Description => "In a one-stop results report, received, resolved and pending totals equal the sum of their parts in every row.";

    public override IEnumerable<DqFinding> Check(QualityDataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        foreach (var report in data.OneStopReports)
        {
            var rows = report.Rows.Select(r => (r.Counts, r.Source, LevelCode: (string?)r.LevelCode, Name: r.FieldName ?? r.AgencyName))
                .Concat(report.Subtotals.Select(s => (s.Counts, s.Source, s.LevelCode, Name: (string?)s.Label)));
            foreach (var (counts, source, level, name) in rows)
            {
                foreach (var (total, parts) in Checks(counts))
                {
                    if (total.Value != parts.Sum(p => p.Value))
                    {
                        var where = OneStopReportData.Where(source, level, name);
                        yield return Finding(report, source,
                            $"{report.Describe()}, {where}: {total.Label} {Count(total.Value)} is not the sum of its parts: {Sum(parts)}",
                            $"{where}: {total.Label} {Count(total.Value)}; {Sum(parts)}");
                    }
                }
            }
        }
    }

    private static IEnumerable<((string Label, int Value) Total, List<(string Label, int Value)> Parts)> Checks(ReportCounts c)
    {
        if (c.ReceivedTotal is { } received)
        {
            var parts = new List<(string, int)>();
            if (c.CarriedOver is { } carried)
            {
                parts.Add((CountLabels.CarriedOver, carried));
            }

            if (c is { ReceivedOnline: { } online, ReceivedInPersonPostal: { } inPerson })
            {
                parts.Add((CountLabels.Online, online));
                parts.Add((CountLabels.InPersonPostal, inPerson));
            }
            else if (c.ReceivedNew is { } fresh)
            {
                parts.Add((CountLabels.ReceivedNew, fresh));
            }
            else
            {
                parts.Clear();
            }

            if (parts.Count > 0 && c.CarriedOver is not null)
            {
                yield return ((CountLabels.ReceivedTotal, received), parts);
            }
        }

        if (c is { ResolvedTotal: { } resolved, ResolvedOnTime: { } onTime, ResolvedLate: { } late })
        {
            var parts = new List<(string, int)>();
            if (c.ResolvedEarly is { } early)
            {
                parts.Add((CountLabels.Early, early));
            }

            parts.Add((CountLabels.OnTime, onTime));
            parts.Add((CountLabels.Late, late));
            yield return ((CountLabels.ResolvedTotal, resolved), parts);
        }

        if (c is { PendingTotal: { } pending, PendingNotDue: { } notDue, PendingOverdue: { } overdue })
        {
            yield return ((CountLabels.PendingTotal, pending), [(CountLabels.NotDue, notDue), (CountLabels.Overdue, overdue)]);
        }
    }
}
