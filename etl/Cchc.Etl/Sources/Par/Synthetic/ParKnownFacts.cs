using System.Globalization;
using Cchc.Etl.Provinces;
using Cchc.Warehouse;
using Cchc.Warehouse.Reference;

namespace Cchc.Etl.Sources.Par.Synthetic;

/// <summary>A real province-year figure (total and/or rank) from the reference facts, with its source.</summary>
internal sealed record ParTotalFact(
    int Year,
    Province Province,
    decimal? Score,
    string? ScoreSource,
    string? ScoreNote,
    int? Rank,
    string? RankSource,
    string? RankNote)
{
    /// <summary>The notes of the rows behind this fact (some carry constraints, e.g. "only province above 90%").</summary>
    public IEnumerable<string> Notes => new[] { ScoreNote, RankNote }.OfType<string>().Distinct();

    /// <summary>How much to trust the fact when two contradict: the weaker of its sources.</summary>
    public int Strength => Math.Min(
        ScoreSource is null ? int.MaxValue : ParSourceStrength.Of(ScoreSource),
        RankSource is null ? int.MaxValue : ParSourceStrength.Of(RankSource));

    public string Describe() =>
        string.Create(CultureInfo.InvariantCulture,
            $"{Province.ShortName} {Year}: {(Score is null ? "" : $"{Score:0.00}%")}{(Score is not null && Rank is not null ? ", " : "")}{(Rank is null ? "" : $"rank {Rank}")} ({ScoreSource ?? RankSource})");
}

/// <summary>A real field score (and field rank, where given) of one province-year.</summary>
internal sealed record ParFieldFact(int Year, Province Province, string FieldCode, decimal Score, int? Rank, string Source);

/// <summary>A national aggregate line: average and group counts as free text.</summary>
internal sealed record ParAggregateFact(int Year, decimal? Mean, string Groups, string Source);

/// <summary>One row of the seed plan's appendix (Lâm Đồng, 2017 result): appraisal points per criterion.</summary>
internal sealed record ParAppendixRow(string Code, string NameVi, decimal MaxPoints, decimal Appraised, decimal PointsLost);

/// <summary>Ranks sources: the seed plan we hold ourselves beats an official government site, which beats the press.</summary>
internal static class ParSourceStrength
{
    public const int SeedDocument = 3;
    public const int Government = 2;
    public const int Secondary = 1;

    public static int Of(string source) =>
        source.Contains("shared/seed", StringComparison.OrdinalIgnoreCase) ? SeedDocument
        : source.Contains(".gov.vn", StringComparison.OrdinalIgnoreCase) || source.Contains("baochinhphu", StringComparison.OrdinalIgnoreCase) ? Government
        : Secondary;
}

/// <summary>
/// The real PAR figures the synthetic sample must reproduce, read from the reference CSVs embedded as warehouse seeds
/// (copies of ../shared/data/reference/par-index-known-*.csv and the appendix of the seed plan 3770/KH-UBND).
/// </summary>
internal sealed class ParKnownFacts
{
    public const string FactsSeed = "par-index-known-facts.csv";
    public const string AggregatesSeed = "par-index-known-aggregates.csv";
    public const string FieldScoresSeed = "par-index-known-field-scores.csv";
    public const string AppendixSeed = "par-appendix-3770-lam-dong-2017.csv";

    /// <summary>The appendix is Lâm Đồng's 2017 result, as cited in the plan itself.</summary>
    public const int AppendixYear = 2017;
    public const string AppendixProvince = "Lâm Đồng";
    public const string AppendixSource = "Plan 3770/KH-UBND of Lâm Đồng, 20/06/2018 (shared/seed), appendix";

    private ParKnownFacts(
        IReadOnlyList<ParTotalFact> totals,
        IReadOnlyList<ParFieldFact> fields,
        IReadOnlyList<ParAggregateFact> aggregates,
        IReadOnlyList<ParAppendixRow> appendix)
    {
        Totals = totals;
        Fields = fields;
        Aggregates = aggregates;
        Appendix = appendix;
    }

    public IReadOnlyList<ParTotalFact> Totals { get; }

    public IReadOnlyList<ParFieldFact> Fields { get; }

    public IReadOnlyList<ParAggregateFact> Aggregates { get; }

    public IReadOnlyList<ParAppendixRow> Appendix { get; }

    public static Province AppendixProvinceEntity => Resolve(AppendixProvince, AppendixYear);

    public static ParKnownFacts Load() =>
        new(LoadTotals(), LoadFields(), LoadAggregates(), LoadAppendix());

    private static List<ParTotalFact> LoadTotals()
    {
        // Several rows can speak of one province-year (a rank from one source, a derived score from another).
        return SeedData.ReadCsv(FactsSeed)
            .Select(r => (Year: Int(r["year"]), Province: Resolve(r["province"], Int(r["year"])), Score: Dec(r["total_percent"]),
                Rank: r["rank"].Length == 0 ? (int?)null : Int(r["rank"]), Source: r["source"], Note: r["note"]))
            .GroupBy(r => (r.Year, r.Province.Key))
            .Select(g =>
            {
                var scored = g.Where(r => r.Score is not null).ToList();
                var ranked = g.Where(r => r.Rank is not null).ToList();
                if (scored.Select(r => r.Score).Distinct().Count() > 1 || ranked.Select(r => r.Rank).Distinct().Count() > 1)
                {
                    throw new InvalidOperationException($"{FactsSeed} gives two different values for {g.First().Province.ShortName} {g.Key.Year}.");
                }

                static string? NoteOf(string note) => note.Length == 0 ? null : note;
                return new ParTotalFact(g.Key.Year, g.First().Province,
                    scored.FirstOrDefault().Score, scored.Count > 0 ? scored[0].Source : null, scored.Count > 0 ? NoteOf(scored[0].Note) : null,
                    ranked.FirstOrDefault().Rank, ranked.Count > 0 ? ranked[0].Source : null, ranked.Count > 0 ? NoteOf(ranked[0].Note) : null);
            })
            .OrderBy(f => f.Year).ThenBy(f => f.Province.Key)
            .ToList();
    }

    private static List<ParFieldFact> LoadFields() =>
        SeedData.ReadCsv(FieldScoresSeed)
            .Select(r => new ParFieldFact(Int(r["year"]), Resolve(r["province"], Int(r["year"])), r["field"].Split(' ')[0],
                Dec(r["score"]) ?? throw new InvalidOperationException($"{FieldScoresSeed}: blank score"),
                r["field_rank"].Length == 0 ? null : Int(r["field_rank"]), r["source"]))
            .ToList();

    private static List<ParAggregateFact> LoadAggregates() =>
        SeedData.ReadCsv(AggregatesSeed)
            .Select(r => new ParAggregateFact(Int(r["year"]), Dec(r["national_average_percent"]), r["groups"], r["source"]))
            .ToList();

    private static List<ParAppendixRow> LoadAppendix() =>
        SeedData.ReadCsv(AppendixSeed)
            .Select(r => new ParAppendixRow(r["code"], r["name_vi"], Dec(r["max_points"])!.Value, Dec(r["appraised_points"])!.Value, Dec(r["points_lost"])!.Value))
            .ToList();

    private static Province Resolve(string name, int year) =>
        ProvinceResolver.Default.Resolve(name, year)
        ?? throw new InvalidOperationException($"PAR reference facts name '{name}', which is not a province in {year}.");

    private static int Int(string text) => int.Parse(text, CultureInfo.InvariantCulture);

    private static decimal? Dec(string text) =>
        text.Length == 0 ? null : decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
}
