using Cchc.Warehouse.OneStopReports;

namespace Cchc.Etl.Samples;

/// <summary>
/// Counts synthetic dossiers the way the results-report form counts them for a period [from, to]: received = carried over
/// (received before the period, still open when it began) + newly received online + in person or by post; resolved =
/// finished in the period, early (before the due date), on time (on it) or late; pending = still open at its end, not yet
/// due or overdue (due before its last day). As the form says ("Đúng hạn, bao gồm cả hồ sơ … trả lại / xin rút"),
/// withdrawn and rejected dossiers count as resolved on time — unlike rpt.dossier_on_time, which leaves them out.
/// So received = resolved + pending on every row.
/// </summary>
internal static class OneStopReportTally
{
    public static ReportCounts Count(IEnumerable<SyntheticDossier> dossiers, DateOnly from, DateOnly to)
    {
        ArgumentNullException.ThrowIfNull(dossiers);
        int carried = 0, online = 0, inPerson = 0, early = 0, onTime = 0, late = 0, notDue = 0, overdue = 0;
        foreach (var d in dossiers)
        {
            if (d.Received > to || d.Finish < from)
            {
                continue;
            }

            if (d.Received < from)
            {
                carried++;
            }
            else if (d.Channel == 2)
            {
                online++;
            }
            else
            {
                inPerson++;
            }

            if (d.Finish > to)
            {
                if (d.Due < to)
                {
                    overdue++;
                }
                else
                {
                    notDue++;
                }
            }
            else if (d.Kind != DossierKind.Normal || d.Finish == d.Due)
            {
                onTime++;
            }
            else if (d.Finish < d.Due)
            {
                early++;
            }
            else
            {
                late++;
            }
        }

        return new ReportCounts(
            carried + online + inPerson, carried, online + inPerson, online, inPerson,
            early + onTime + late, early, onTime, late, notDue + overdue, notDue, overdue);
    }

    /// <summary>The counts of several rows added up (a group or total row).</summary>
    public static ReportCounts Sum(IEnumerable<ReportCounts> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var all = rows.ToList();
        int S(Func<ReportCounts, int?> part) => all.Sum(r => part(r) ?? 0);
        return new ReportCounts(
            S(r => r.ReceivedTotal), S(r => r.CarriedOver), S(r => r.ReceivedNew), S(r => r.ReceivedOnline), S(r => r.ReceivedInPersonPostal),
            S(r => r.ResolvedTotal), S(r => r.ResolvedEarly), S(r => r.ResolvedOnTime), S(r => r.ResolvedLate),
            S(r => r.PendingTotal), S(r => r.PendingNotDue), S(r => r.PendingOverdue));
    }
}
