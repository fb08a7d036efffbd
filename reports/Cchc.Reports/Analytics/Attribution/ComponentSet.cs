using Cchc.Reports.Analytics.Exact;
using Cchc.Reports.Analytics.Tables;
using Cchc.Warehouse;

namespace Cchc.Reports.Analytics.Attribution;

/// <summary>
/// A player of the attribution game: its contribution to the total (points) in each year, the change, the maxima in
/// contribution points (factor × max points) and the part of the change a changed maximum explains. Only the
/// performance part plays in the member's own name; the methodology part goes to the methodology player.
/// </summary>
internal sealed record Member(
    string Code, string Name, string NameEn, ComponentKind Kind, decimal? Previous, decimal? Current, decimal Delta,
    decimal? PreviousMax = null, decimal? CurrentMax = null, decimal Methodology = 0m)
{
    public decimal Performance => Delta - Methodology;

    public ComponentAttribution ToAttribution(RankEffect effect) =>
        new(Code, Name, NameEn, Kind, Previous, Current, Delta, Methodology, Performance, PreviousMax, CurrentMax, effect, []);

    /// <summary>
    /// The split of a change when the maximum changed: methodology = (max₁ − max₀) × score₀ / max₀ (what keeping last
    /// year's share of the maximum would have given), performance = the rest = max₁ × (score₁/max₁ − score₀/max₀).
    /// The performance part is the difference, so the two add up to the change exactly. A part one methodology has and
    /// the other lacks is methodology as a whole; unknown maxima leave everything to performance.
    /// </summary>
    public Member WithMethodologySplit() => this with
    {
        Methodology = Kind is ComponentKind.AddedInMethodology or ComponentKind.RemovedInMethodology ? Delta
            : PreviousMax is { } m0 && CurrentMax is { } m1 && m0 != m1 && Previous is { } s0
                ? m0 == 0m ? Delta : (m1 - m0) * s0 / m0
                : 0m,
    };
}

/// <summary>A top-level component (field, added/removed field, residual) and its members (criteria, or itself).</summary>
internal sealed record Component(Member Self, IReadOnlyList<Member> Members)
{
    public string Code => Self.Code;

    public ComponentAttribution ToAttribution(RankEffect effect, IReadOnlyList<ComponentAttribution> criteria) =>
        Self.ToAttribution(effect) with { Criteria = criteria };
}

/// <summary>
/// Splits a total's change into components whose changes add up exactly (decimal arithmetic): level-1 parts as
/// contributions to the total (factor × score, factor = 1 for sums, the weight for PCI), parts added or dropped by a
/// methodology change, and the residual total − Σ parts. Within each field, comparable criteria (or mapped groups)
/// and the field's remainder. When the two years use different methodology versions, every member carries the part of
/// its change that its changed maximum explains (<see cref="Member.WithMethodologySplit"/>).
/// </summary>
internal static class ComponentSet
{
    public static (IReadOnlyList<Component> Components, IReadOnlyList<NotComparableCriterion> NotComparable) Build(
        IndexYear current, IndexYear previous, ProvinceScores me, ProvinceScores before, ICriterionMapping mapping, List<string> notes)
    {
        var split = current.MethodologyVersion != previous.MethodologyVersion;
        var fields = current.ChildrenOf(IndexCodes.Total).Select(c => c.Code)
            .Union(previous.ChildrenOf(IndexCodes.Total).Select(c => c.Code))
            .Order(CriterionCodeComparer.Instance)
            .ToList();
        var (units, notComparableCodes) = ComparableUnits.Build(
            CriteriaWithScores(previous, before, fields), previous.MethodologyVersion,
            CriteriaWithScores(current, me, fields), current.MethodologyVersion, mapping);
        var notComparable = notComparableCodes
            .Select(n =>
            {
                var table = n.InCurrent ? current : previous;
                return (Field: table.Criteria[n.Code].ParentCode, Item: new NotComparableCriterion(n.Code, table.Criteria[n.Code].Name, table.Year, n.Reason));
            })
            .ToList();

        var components = new List<Component>();
        decimal usedNow = 0m, usedThen = 0m;
        foreach (var code in fields)
        {
            var inNow = current.Criteria.ContainsKey(code);
            var inThen = previous.Criteria.ContainsKey(code);
            var now = inNow ? Contribution(current, me, code) : null;
            var then = inThen ? Contribution(previous, before, code) : null;
            if ((inNow && now is null) || (inThen && then is null))
            {
                notes.Add($"{code} has no score for {me.Province.Name} in {(inNow && now is null ? current.Year : previous.Year)}: its change is inside the residual.");
                continue;
            }

            var info = inNow ? current.Criteria[code] : previous.Criteria[code];
            var kind = inNow && inThen ? ComponentKind.Field : inNow ? ComponentKind.AddedInMethodology : ComponentKind.RemovedInMethodology;
            var self = new Member(code, info.Name, info.NameEn, kind, then, now, (now ?? 0m) - (then ?? 0m),
                inThen ? MaxContribution(previous, code) : null, inNow ? MaxContribution(current, code) : null);
            if (split)
            {
                self = self.WithMethodologySplit();
                if (kind == ComponentKind.Field && (self.PreviousMax is null || self.CurrentMax is null))
                {
                    notes.Add($"{code} has no max points in {(self.PreviousMax is null ? previous.Year : current.Year)}: its whole change counts as performance.");
                }
            }

            usedNow += now ?? 0m;
            usedThen += then ?? 0m;
            var members = kind == ComponentKind.Field
                ? CriteriaOf(self, units.Where(u => current.Criteria[u.CurrentCodes[0]].ParentCode == code).ToList(),
                    notComparable.Any(n => n.Field == code), current, previous, me, before, split, notes)
                : [self];
            components.Add(new Component(self, members));
        }

        var residualNow = me.Total!.Value - usedNow;
        var residualThen = before.Total!.Value - usedThen;
        if (residualNow != residualThen)
        {
            var residual = new Member("RESIDUAL", "Phần dư (tổng khác tổng các phần)", "Residual (total ≠ sum of its parts)",
                ComponentKind.Residual, residualThen, residualNow, residualNow - residualThen);
            components.Add(new Component(residual, [residual]));
        }

        return (components, notComparable.Select(n => n.Item).ToList());
    }

    /// <summary>Beyond this many criteria in one field the exact Owen enumeration (2^(criteria−1) coalitions per
    /// criterion and per coalition of fields) gets slow; the field is then attributed as a whole.</summary>
    public const int MaxCriteriaPerField = 12;

    private static IReadOnlyList<Member> CriteriaOf(
        Member field, IReadOnlyList<ComparableUnit> units, bool hasNotComparable,
        IndexYear current, IndexYear previous, ProvinceScores me, ProvinceScores before, bool split, List<string> notes)
    {
        if (units.Count == 0)
        {
            return [field];
        }

        if (current.RuleFor(field.Code).Basis == AggregationBasis.Unexplained || previous.RuleFor(field.Code).Basis == AggregationBasis.Unexplained)
        {
            notes.Add($"The criteria of {field.Code} do not add up to it, so its change is not split by criterion.");
            return [field];
        }

        if (units.Count + 1 > MaxCriteriaPerField)
        {
            notes.Add($"{field.Code} has {units.Count} comparable criteria (more than {MaxCriteriaPerField - 1}); its change is not split by criterion.");
            return [field];
        }

        var members = units.Select(u =>
        {
            var then = u.PreviousCodes.Sum(c => Contribution(previous, before, c)!.Value);
            var now = u.CurrentCodes.Sum(c => Contribution(current, me, c)!.Value);
            var names = u.CurrentCodes.Select(c => current.Criteria[c]).ToList();
            var member = new Member(u.Label, string.Join("; ", names.Select(n => n.Name)), string.Join("; ", names.Select(n => n.NameEn)),
                ComponentKind.Criterion, then, now, now - then, SumOf(u.PreviousCodes, c => MaxContribution(previous, c)), SumOf(u.CurrentCodes, c => MaxContribution(current, c)));
            return split ? member.WithMethodologySplit() : member;
        }).ToList();

        // The remainder keeps both sums exact: members' changes add up to the field's, their methodology parts to its.
        var remainder = field.Delta - members.Sum(m => m.Delta);
        var remainderMethodology = field.Methodology - members.Sum(m => m.Methodology);
        if (remainder != 0m || remainderMethodology != 0m)
        {
            members.Add(hasNotComparable
                ? new Member(field.Code + ".*", "Các tiêu chí không so sánh được giữa hai năm", "Criteria not comparable between the two years",
                    ComponentKind.CriteriaNotCompared, null, null, remainder, Methodology: remainderMethodology)
                : new Member(field.Code + ".*", "Phần dư làm tròn (lĩnh vực khác tổng các tiêu chí)", "Rounding residual (field ≠ sum of its criteria)",
                    ComponentKind.Residual, null, null, remainder, Methodology: remainderMethodology));
        }

        return members;
    }

    /// <summary>Level-2 criteria (children of the level-1 parts) the province has a score for.</summary>
    private static IReadOnlyCollection<string> CriteriaWithScores(IndexYear table, ProvinceScores province, IReadOnlyList<string> fields) =>
        fields.SelectMany(f => table.ChildrenOf(f)).Where(c => province.Score(c.Code) is not null).Select(c => c.Code).ToList();

    /// <summary>Max points in contribution points (max × the factors up the tree); null when the catalogue has no max.</summary>
    private static decimal? MaxContribution(IndexYear table, string code) =>
        table.Criteria.TryGetValue(code, out var c) && c.MaxPoints is { } max ? table.TotalEffectPerPoint(code) * max : null;

    private static decimal? SumOf(IReadOnlyList<string> codes, Func<string, decimal?> value)
    {
        var values = codes.Select(value).ToList();
        return values.Any(v => v is null) ? null : values.Sum(v => v!.Value);
    }

    /// <summary>Points a criterion contributes to the total: score × the factors on its path up the tree.</summary>
    private static decimal? Contribution(IndexYear table, ProvinceScores province, string code) =>
        province.Score(code) is { } score ? table.TotalEffectPerPoint(code) * score : null;
}
