using Cchc.Reports.ReportData;

namespace Cchc.Reports.Drivers;

/// <summary>
/// The driver results that are plain arithmetic on <c>rpt.index_score</c>: the score waterfall by field (exact
/// differences) and the priority table with its what-if curve (re-ranking with the other provinces' scores fixed). Only
/// for indices whose total is the sum of their fields (PAR, PAPI); a weighted total (PCI) is left to a provider that
/// knows the weights. Rank attribution and ML models are left to the drivers plug-in.
/// </summary>
public sealed class ExactDriversProvider : IDriversProvider
{
    /// <summary>Published figures are rounded to 2 decimals; 8 fields can then disagree with the total by up to 0.04.</summary>
    public const double SumTolerance = 0.05;

    public string Name => nameof(ExactDriversProvider);

    public DriverOutcome<RankAttribution> Attribution(DriversQuery query) => DriverOutcome.Missing<RankAttribution>(DriverGap.NotProvided);

    public DriverOutcome<ModelSummary> Model(DriversQuery query) => DriverOutcome.Missing<ModelSummary>(DriverGap.NotProvided);

    public DriverOutcome<ScoreWaterfall> Waterfall(DriversQuery query)
    {
        if (query.Previous is null)
        {
            return DriverOutcome.Missing<ScoreWaterfall>(DriverGap.NoPreviousYear);
        }

        if (query.PreviousProvinceKey is not { } previousKey)
        {
            return DriverOutcome.Missing<ScoreWaterfall>(DriverGap.ProvinceMerged);
        }

        if (query.Previous.Total(previousKey)?.Score is not { } previousTotal)
        {
            return DriverOutcome.Missing<ScoreWaterfall>(DriverGap.ProvinceMissingPreviousYear, query.Previous.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (query.Current.MethodologyVersion != query.Previous.MethodologyVersion)
        {
            return DriverOutcome.Missing<ScoreWaterfall>(DriverGap.MethodologyChanged, $"{query.Previous.MethodologyVersion} → {query.Current.MethodologyVersion}");
        }

        if (!IsAdditive(query.Current) || !IsAdditive(query.Previous))
        {
            return DriverOutcome.Missing<ScoreWaterfall>(DriverGap.NotAdditive);
        }

        var key = query.Province.Key;
        var total = query.Current.Total(key)!.Score!.Value;
        var changes = new List<FieldChange>();
        foreach (var field in query.Current.Fields)
        {
            if (query.Current.Score(key, field.Code) is { } now && query.Previous.Score(previousKey, field.Code) is { } before)
            {
                changes.Add(new FieldChange(field.Code, now - before));
            }
        }

        return changes.Count == 0
            ? DriverOutcome.Missing<ScoreWaterfall>(DriverGap.NoFieldScores)
            : DriverOutcome.Computed(new ScoreWaterfall(query.Previous.Year, query.Year, previousTotal, total, changes), Name);
    }

    public DriverOutcome<PriorityPlan> Priorities(DriversQuery query)
    {
        var current = query.Current;
        var key = query.Province.Key;
        if (current.Total(key)?.Score is not { } total)
        {
            return DriverOutcome.Missing<PriorityPlan>(DriverGap.NoFieldScores);
        }

        if (!IsAdditive(current))
        {
            return DriverOutcome.Missing<PriorityPlan>(DriverGap.NotAdditive);
        }

        var peers = current.Totals().Where(t => t.Key != key).Select(t => t.Value).ToList();
        int RankWith(double score) => 1 + peers.Count(p => p > score + 1e-9);
        var rank = RankWith(total);

        var rows = new List<PriorityRow>();
        foreach (var criterion in RecoverableCriteria(current))
        {
            if (current.Row(key, criterion.Code) is not { Score: { } score, MaxPoints: { } max } || max - score <= 1e-6)
            {
                continue;
            }

            var lost = max - score;
            var reached = RankWith(total + lost);
            rows.Add(new PriorityRow(criterion.Code, lost, reached, (rank - reached) / lost, null));
        }

        if (rows.Count == 0)
        {
            return DriverOutcome.Missing<PriorityPlan>(DriverGap.NothingLost);
        }

        var ordered = rows.OrderByDescending(r => r.PlacesPerPoint).ThenByDescending(r => r.PointsLost)
            .ThenBy(r => r.CriterionCode, CriterionCodeComparer.Instance).ToList();
        var curve = new List<WhatIfPoint>();
        var recovered = 0.0;
        foreach (var row in ordered)
        {
            recovered += row.PointsLost;
            curve.Add(new WhatIfPoint(row.CriterionCode, recovered, RankWith(total + recovered)));
        }

        return DriverOutcome.Computed(new PriorityPlan(rank, peers.Count + 1, ordered, curve), Name);
    }

    /// <summary>True when every province's fields add up to its total (within rounding), so recovered points add to the total one for one.</summary>
    public static bool IsAdditive(IndexYearScores scores)
    {
        var fields = scores.Fields.Select(f => f.Code).ToList();
        if (fields.Count == 0)
        {
            return false;
        }

        var checkedAny = false;
        foreach (var province in scores.Provinces)
        {
            var parts = fields.Select(f => scores.Score(province.Key, f)).ToList();
            if (scores.Total(province.Key)?.Score is not { } total || parts.Any(p => p is null))
            {
                continue;
            }

            checkedAny = true;
            if (Math.Abs(parts.Sum(p => p!.Value) - total) > SumTolerance)
            {
                return false;
            }
        }

        return checkedAny;
    }

    /// <summary>The criteria directly under each field, or the field itself where it has none.</summary>
    private static IEnumerable<CriterionInfo> RecoverableCriteria(IndexYearScores scores) =>
        scores.Fields.SelectMany(field =>
        {
            var children = scores.ChildrenOf(field.Code).Where(c => c.MaxPoints is not null).ToList();
            return children.Count > 0 ? children : [field];
        });
}
