using System.Globalization;
using System.Text.RegularExpressions;

namespace Cchc.Etl.Sources.Par.Synthetic;

/// <summary>Ranks <paramref name="FromRank"/>..<paramref name="ToRank"/> must have totals within the bounds
/// (either may be open); read from a group count ("A (>90): 6") or a note ("only province above 90%").</summary>
internal sealed record ParRankBand(int FromRank, int ToRank, decimal? Lower, decimal? Upper, string Why, string Source);

/// <summary>
/// What the national aggregates and the notes of the known facts say about one year's ranking: the national average,
/// bands of ranks within score bounds (group counts), and how many provinces rose or fell against the year before.
/// Every phrase of the reference files is understood or rejected loudly, so a changed fact file cannot be ignored.
/// Letter groups without printed bounds take their neighbours' bounds; where no group of a year prints any bound the
/// 2021–2024 press usage applies (A ≥ 90, B 80–90, C 70–80, D &lt; 70), which every known fact of those years fits.
/// </summary>
internal sealed partial class ParYearConstraints
{
    private static readonly Dictionary<string, (decimal? Lower, decimal? Upper)> DefaultLetters = new(StringComparer.Ordinal)
    {
        ["A"] = (90m, null), ["B"] = (80m, 90m), ["C"] = (70m, 80m), ["D"] = (null, 70m),
    };

    private ParYearConstraints(int year, int provinceCount)
    {
        Year = year;
        ProvinceCount = provinceCount;
    }

    public int Year { get; }

    public int ProvinceCount { get; }

    public decimal? Mean { get; private set; }

    public string? MeanSource { get; private set; }

    public List<ParRankBand> Bands { get; } = [];

    public int? Rose { get; private set; }

    public int? Fell { get; private set; }

    public string? ChangeSource { get; private set; }

    /// <summary>When both risers and fallers are given, the rest kept exactly the same score.</summary>
    public int? Unchanged => Rose is not null && Fell is not null ? ProvinceCount - Rose.Value - Fell.Value : null;

    public static ParYearConstraints For(int year, int provinceCount, ParAggregateFact? aggregate, IEnumerable<ParTotalFact> facts)
    {
        var constraints = new ParYearConstraints(year, provinceCount);
        if (aggregate is not null)
        {
            constraints.Mean = aggregate.Mean;
            constraints.MeanSource = aggregate.Mean is null ? null : aggregate.Source;
            constraints.ReadGroups(aggregate.Groups, aggregate.Source);
        }

        foreach (var fact in facts)
        {
            foreach (var note in fact.Notes)
            {
                constraints.ReadNote(note, fact.ScoreSource ?? fact.RankSource!);
            }
        }

        return constraints;
    }

    private void ReadGroups(string text, string source)
    {
        var groups = new List<(string Label, decimal? Lower, decimal? Upper, int Count)>();
        foreach (var item in text.Split([';', ','], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (Letter().Match(item) is { Success: true } l)
            {
                (decimal? Lower, decimal? Upper) bounds = l.Groups["op"].Success
                    ? l.Groups["op"].Value.StartsWith('>') ? (Num(l.Groups["v"]), null) : (null, Num(l.Groups["v"]))
                    : l.Groups["a"].Success ? (Num(l.Groups["a"]), Num(l.Groups["b"])) : (null, null);
                var (lower, upper) = bounds;
                groups.Add((l.Groups["label"].Value, lower, upper, Count(l)));
            }
            else if (Above().Match(item) is { Success: true } a)
            {
                groups.Add(($"above {a.Groups["v"].Value}%", Num(a.Groups["v"]), null, Count(a)));
            }
            else if (Range().Match(item) is { Success: true } r)
            {
                groups.Add(($"{r.Groups["a"].Value}–{r.Groups["b"].Value}%", Num(r.Groups["a"]), Num(r.Groups["b"]), Count(r)));
            }
            else if (AboveAverage().Match(item) is { Success: true } m)
            {
                var n = Count(m);
                var mean = Mean ?? throw Unreadable(item, "'above average' needs the national average");
                Bands.Add(new ParRankBand(1, n, mean, null, item, source));
                Bands.Add(new ParRankBand(n + 1, ProvinceCount, null, mean, item, source));
            }
            else if (Rise().Match(item) is { Success: true } up)
            {
                Rose = Count(up);
                ChangeSource = source;
            }
            else if (Fall().Match(item) is { Success: true } down)
            {
                Fell = Count(down);
                ChangeSource = source;
            }
            else
            {
                throw Unreadable(item, "unrecognised phrase");
            }
        }

        AddGroupBands(groups, source);
    }

    private void AddGroupBands(List<(string Label, decimal? Lower, decimal? Upper, int Count)> groups, string source)
    {
        if (groups.Count == 0)
        {
            return;
        }

        if (groups.Sum(g => g.Count) != ProvinceCount)
        {
            throw new InvalidOperationException($"PAR {Year}: the group counts add up to {groups.Sum(g => g.Count)}, not {ProvinceCount} provinces.");
        }

        if (groups.All(g => g.Lower is null && g.Upper is null))
        {
            groups = groups.Select(g => DefaultLetters.TryGetValue(g.Label, out var b) ? (g.Label, b.Lower, b.Upper, g.Count)
                : throw Unreadable(g.Label, "a group without bounds that is not A–D")).ToList();
        }

        var from = 1;
        for (var i = 0; i < groups.Count; i++)
        {
            // A group without a printed bound is bounded by the nearest printed bound of the groups around it.
            var upper = groups[i].Upper ?? groups.Take(i).Reverse().Select(g => g.Lower).FirstOrDefault(b => b is not null);
            var lower = groups[i].Lower ?? groups.Skip(i + 1).Select(g => g.Upper).FirstOrDefault(b => b is not null);
            var to = from + groups[i].Count - 1;
            if (groups[i].Count > 0)
            {
                Bands.Add(new ParRankBand(from, to, lower, upper, $"group {groups[i].Label}: {groups[i].Count}", source));
            }

            from = to + 1;
        }
    }

    private void ReadNote(string note, string source)
    {
        if (OnlyAbove().Match(note) is { Success: true } a)
        {
            CountAbove(Num(a.Groups["v"]), 1, note, source);
        }
        else if (OnlyBelow().Match(note) is { Success: true } b)
        {
            var v = Num(b.Groups["v"]);
            Bands.Add(new ParRankBand(ProvinceCount, ProvinceCount, null, v, note, source));
            Bands.Add(new ParRankBand(1, ProvinceCount - 1, v, null, note, source));
        }
        else if (AmongAbove().Match(note) is { Success: true } m)
        {
            CountAbove(Num(m.Groups["v"]), Count(m), note, source);
        }
    }

    private void CountAbove(decimal threshold, int count, string why, string source)
    {
        Bands.Add(new ParRankBand(1, count, threshold, null, why, source));
        Bands.Add(new ParRankBand(count + 1, ProvinceCount, null, threshold, why, source));
    }

    private InvalidOperationException Unreadable(string item, string why) =>
        new($"PAR aggregates {Year}: cannot read '{item}' ({why}). Teach ParYearConstraints the phrase or correct the reference file.");

    private static decimal Num(Group g) => decimal.Parse(g.Value, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static int Count(Match m) => int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(?<label>[A-D])\s*(?:\((?:(?<op>>=|>|<=|<)\s*(?<v>\d+(?:\.\d+)?)|(?<a>\d+(?:\.\d+)?)\s*-\s*(?<b>\d+(?:\.\d+)?))\))?\s*:\s*(?<n>\d+)$", RegexOptions.CultureInvariant)]
    private static partial Regex Letter();

    [GeneratedRegex(@"^above (?<v>\d+(?:\.\d+)?)%\s*:\s*(?<n>\d+)$", RegexOptions.CultureInvariant)]
    private static partial Regex Above();

    [GeneratedRegex(@"^(?<a>\d+(?:\.\d+)?)\s*-\s*(?<b>\d+(?:\.\d+)?)%?\s*:\s*(?<n>\d+)$", RegexOptions.CultureInvariant)]
    private static partial Regex Range();

    [GeneratedRegex(@"^(?<n>\d+) of \d+ above average$", RegexOptions.CultureInvariant)]
    private static partial Regex AboveAverage();

    [GeneratedRegex(@"^(?<n>\d+) (?:provinces )?rose$", RegexOptions.CultureInvariant)]
    private static partial Regex Rise();

    [GeneratedRegex(@"^(?<n>\d+) (?:provinces )?fell$", RegexOptions.CultureInvariant)]
    private static partial Regex Fall();

    [GeneratedRegex(@"only province above (?<v>\d+(?:\.\d+)?)%", RegexOptions.CultureInvariant)]
    private static partial Regex OnlyAbove();

    [GeneratedRegex(@"only province below (?<v>\d+(?:\.\d+)?)%", RegexOptions.CultureInvariant)]
    private static partial Regex OnlyBelow();

    [GeneratedRegex(@"among the (?<n>\d+) provinces above (?<v>\d+(?:\.\d+)?)%", RegexOptions.CultureInvariant)]
    private static partial Regex AmongAbove();
}
