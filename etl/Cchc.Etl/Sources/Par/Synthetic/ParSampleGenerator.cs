using System.Globalization;
using Cchc.Etl.Samples;
using Cchc.Warehouse.Reference;

namespace Cchc.Etl.Sources.Par.Synthetic;

/// <summary>
/// Generates PAR results for every province and year (63 provinces 2012–2024, the 34 provinces of 2025): totals and
/// ranks planned around every real fact (<see cref="ParTotalsPlanner"/>), then each total split over that year's
/// methodology tree (<see cref="ParTreeAllocator"/>) with the seed appendix's criterion scores for Lâm Đồng 2017 and
/// the Thanh Hóa 2021 field breakdown kept exactly. Deterministic: the same catalogue and facts give the same sample.
/// </summary>
internal static class ParSampleGenerator
{
    public const int FirstYear = 2012;
    public const int LastYear = 2025;

    /// <summary>The synthetic shape of each year's distribution (average, spread) where no real average is known; a
    /// known national average always replaces the shape's mean exactly. Chosen to fit the known top and bottom scores.</summary>
    private static readonly Dictionary<int, (double Mean, double Sd)> Shapes = new()
    {
        [2012] = (75.8, 5.4), [2013] = (77.6, 5.6), [2014] = (81.5, 4.6), [2015] = (85.1, 4.1), [2016] = (74.6, 5.6),
        [2017] = (74.4, 5.6), [2018] = (76.9, 4.6), [2019] = (81.2, 3.1), [2020] = (83.6, 2.9), [2021] = (86.4, 2.2),
        [2022] = (85.0, 2.5), [2023] = (87.0, 2.3), [2024] = (88.4, 2.5), [2025] = (88.9, 2.6),
    };

    public static ParSample Generate(ParCatalogue? catalogue = null)
    {
        catalogue ??= ParCatalogue.Default;
        var facts = ParKnownFacts.Load();
        var issues = new List<ParFactIssue>();
        var years = new List<ParYearSample>();
        IReadOnlyDictionary<int, int>? previous = null;
        for (var year = FirstYear; year <= LastYear; year++)
        {
            var sample = GenerateYear(year, catalogue.For(year), facts, previous, issues);
            years.Add(sample);
            previous = sample.Provinces.ToDictionary(p => p.Province.Key, p => (int)(p.Total * 100));
        }

        return new ParSample(years, issues);
    }

    private static ParYearSample GenerateYear(int year, ParMethodology methodology, ParKnownFacts facts, IReadOnlyDictionary<int, int>? previous, List<ParFactIssue> issues)
    {
        var provinces = ProvinceCatalog.Default.ValidAtEndOf(year);
        var yearFacts = facts.Totals.Where(f => f.Year == year).ToList();
        var aggregate = facts.Aggregates.SingleOrDefault(a => a.Year == year);
        var kept = ParFactConflicts.Resolve(year, yearFacts, ParYearConstraints.For(year, provinces.Count, aggregate, yearFacts), issues);
        var constraints = ParYearConstraints.For(year, provinces.Count, aggregate, kept);
        var comparable = previous is not null && provinces.All(p => previous.ContainsKey(p.Key)) ? previous : null;
        var fields = methodology.Fields.Select(f => (f.Code, (double)f.MaxPoints)).ToList();
        var planned = ParTotalsPlanner.Plan(provinces, kept, constraints, comparable, Shapes[year],
            p => SyntheticProvinces.ParLatent(p, year, fields),
            SyntheticProvinces.For("par-totals", year),
            p => SyntheticProvinces.ParAnchoredRank(p, year, provinces.Count, fields));

        var real = new List<ParProvenanceEntry>();
        foreach (var fact in kept)
        {
            if (fact.Score is { } score)
            {
                real.Add(Entry(year, fact.Province, ParCodes.Total, ParValueKind.Score, score, fact.ScoreSource!, fact.ScoreNote));
            }

            if (fact.Rank is { } rank)
            {
                real.Add(Entry(year, fact.Province, ParCodes.Total, ParValueKind.Rank, rank, fact.RankSource!, fact.RankNote));
            }
        }

        var trees = provinces.ToDictionary(p => p.Key, _ => new ParTreeConstraints());
        AddFieldFacts(year, methodology, facts, planned, trees, real);
        if (year == ParKnownFacts.AppendixYear)
        {
            AddAppendix(methodology, facts, trees[ParKnownFacts.AppendixProvinceEntity.Key], real, issues);
        }

        var results = new List<(ParPlannedTotal Plan, Dictionary<string, long> Scores)>();
        foreach (var plan in planned)
        {
            var key = plan.Province.Key;
            var scores = ParTreeAllocator.Allocate(methodology, plan.Hundredths * (ParTreeAllocator.UnitsPerPoint / 100), trees[key], c => Tilt(methodology, c, key, year), out var notes);
            issues.AddRange(notes.Select(n => new ParFactIssue(ParFactIssueKinds.Rounding, year, $"{plan.Province.ShortName}: {n}; the published values are kept")));
            results.Add((plan, scores));
        }

        var fieldRanks = methodology.Fields.ToDictionary(
            f => f.Code,
            f => results.ToDictionary(r => r.Plan.Province.Key, r => 1 + results.Count(o => o.Scores[f.Code] > r.Scores[f.Code])),
            StringComparer.Ordinal);
        var provincesOut = results
            .Select(r => new ParProvinceResult(
                r.Plan.Province,
                r.Scores.ToDictionary(s => s.Key, s => s.Key == ParCodes.Total ? r.Plan.Hundredths / 100m : s.Value / (decimal)ParTreeAllocator.UnitsPerPoint, StringComparer.Ordinal),
                r.Plan.Rank,
                fieldRanks.ToDictionary(f => f.Key, f => f.Value[r.Plan.Province.Key], StringComparer.Ordinal)))
            .ToList();
        return new ParYearSample(year, methodology, provincesOut, real);
    }

    /// <summary>Survey points carry measurement noise on top of the province's tilt (the survey is a sample), stated on the
    /// logistic scale of the shares.</summary>
    public const double SurveyMeasurementNoise = 0.3;

    /// <summary>Criterion level: a persistent strength and a yearly shock of the criterion itself.</summary>
    public const double CriterionStrengthLoading = 0.4;

    public const double CriterionShockLoading = 0.2;

    /// <summary>
    /// How a province-year leans towards a node when its total is shared out: a field by the field's own latent (persistent
    /// strength, yearly shock, planted shocks), a criterion by its own strength and shock, survey criteria with measurement noise.
    /// </summary>
    private static double Tilt(ParMethodology methodology, ParCriterion c, int provinceKey, int year)
    {
        if (c.Level == 1)
        {
            return SyntheticProvinces.ParFieldOwn(provinceKey, c.Code, year);
        }

        var tilt = (CriterionStrengthLoading * SyntheticProvinces.Strength(provinceKey, SyntheticProvinces.Par, methodology.Version + ":" + c.Code))
            + (CriterionShockLoading * SyntheticProvinces.PartShock(provinceKey, SyntheticProvinces.Par, methodology.Version + ":" + c.Code, year));
        return c.IsSurvey
            ? tilt + (SurveyMeasurementNoise * SyntheticProvinces.PartShock(provinceKey, "PAR-SURVEY", c.Code, year))
            : tilt;
    }

    /// <summary>Real field scores are fixed; a real field rank r is kept true by letting exactly r−1 other provinces
    /// (those with the best totals) score above it and holding every other province below it.</summary>
    private static void AddFieldFacts(int year, ParMethodology methodology, ParKnownFacts facts, IReadOnlyList<ParPlannedTotal> planned,
        Dictionary<int, ParTreeConstraints> trees, List<ParProvenanceEntry> real)
    {
        foreach (var fact in facts.Fields.Where(f => f.Year == year))
        {
            if (methodology.Find(fact.FieldCode) is not { Level: 1 })
            {
                throw new InvalidOperationException($"PAR {year}: field '{fact.FieldCode}' of {fact.Province.ShortName} is not a field of {methodology.Version}.");
            }

            var units = ParTreeAllocator.Units(fact.Score);
            trees[fact.Province.Key].Fixed[fact.FieldCode] = units;
            real.Add(Entry(year, fact.Province, fact.FieldCode, ParValueKind.Score, fact.Score, fact.Source, null));
            if (fact.Rank is not { } rank)
            {
                continue;
            }

            real.Add(Entry(year, fact.Province, fact.FieldCode, ParValueKind.Rank, rank, fact.Source, null));
            var others = planned.Where(p => p.Province.Key != fact.Province.Key).ToList();
            for (var i = 0; i < others.Count; i++)
            {
                var bounds = trees[others[i].Province.Key].Bounds;
                var (lower, upper) = bounds.GetValueOrDefault(fact.FieldCode, (0, long.MaxValue));
                bounds[fact.FieldCode] = i < rank - 1 ? (Math.Max(lower, units + 1), upper) : (lower, Math.Min(upper, units - 1));
            }
        }
    }

    /// <summary>
    /// The seed appendix gives Lâm Đồng's 2017 appraisal points for every criterion that lost points. A row whose max
    /// points equal the catalogue's fixes that node's score; a field row with fewer max points is the field's appraisal
    /// part (the sociological survey is not appraised). Fields 1 and 3–8 add up exactly from the rows listed, so the
    /// appendix lists every criterion that lost appraisal points: a field it does not mention (2) kept all of them.
    /// </summary>
    private static void AddAppendix(ParMethodology methodology, ParKnownFacts facts, ParTreeConstraints tree, List<ParProvenanceEntry> real, List<ParFactIssue> issues)
    {
        var province = ParKnownFacts.AppendixProvinceEntity;
        foreach (var row in facts.Appendix)
        {
            var node = methodology.Find(row.Code)
                ?? throw new InvalidOperationException($"Appendix criterion {row.Code} is not in PAR methodology {methodology.Version}.");
            if (node.MaxPoints == row.MaxPoints)
            {
                tree.Fixed[row.Code] = ParTreeAllocator.Units(row.Appraised);
                real.Add(Entry(ParKnownFacts.AppendixYear, province, row.Code, ParValueKind.Score, row.Appraised, ParKnownFacts.AppendixSource, null));
            }
            else if (node.Level == 1 && methodology.MaxPointsFrom(row.Code, ParCriterion.Appraisal) == row.MaxPoints)
            {
                tree.FixedAppraisal[row.Code] = ParTreeAllocator.Units(row.Appraised);
                real.Add(Entry(ParKnownFacts.AppendixYear, province, row.Code, ParValueKind.AppraisalScore, row.Appraised, ParKnownFacts.AppendixSource,
                    string.Create(CultureInfo.InvariantCulture, $"appraisal part of the field: {row.MaxPoints} of its {node.MaxPoints} max points; the rest is the sociological survey")));
            }
            else
            {
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                    $"Appendix row {row.Code} has max points {row.MaxPoints}, which fits neither criterion {row.Code} ({node.MaxPoints}) nor its appraisal part in {methodology.Version}."));
            }

            if (row.MaxPoints - row.Appraised != row.PointsLost)
            {
                issues.Add(new ParFactIssue(ParFactIssueKinds.SourceInconsistency, ParKnownFacts.AppendixYear, string.Create(CultureInfo.InvariantCulture,
                    $"seed appendix row {row.Code} '{row.NameVi}' of {province.ShortName}: points lost {row.PointsLost} ≠ max {row.MaxPoints} − appraised {row.Appraised} = {row.MaxPoints - row.Appraised}; the appraised score is used (the field totals agree with it)")));
            }
        }

        foreach (var field in methodology.Fields.Where(f => !tree.Fixed.ContainsKey(f.Code) && !tree.FixedAppraisal.ContainsKey(f.Code)))
        {
            tree.FixedAppraisal[field.Code] = ParTreeAllocator.Units(methodology.MaxPointsFrom(field.Code, ParCriterion.Appraisal));
        }
    }

    private static ParProvenanceEntry Entry(int year, Province province, string code, string kind, decimal value, string source, string? note) =>
        new(year, province.GsoCode, province.ShortName, code, kind, (double)value, source, note);
}
