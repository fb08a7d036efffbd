using System.Globalization;
using Cchc.Reports.Localization;
using Cchc.Warehouse;

namespace Cchc.Reports.Report;

/// <summary>Methodology notes and provenance: what the numbers mean and where they came from.</summary>
internal sealed class NoteSections(ReportContext c)
{
    private ReportText T => c.Text;

    public ReportSection Methodology()
    {
        var items = new List<string>();
        var version = c.Current.MethodologyVersion;
        var previousVersion = c.Previous?.MethodologyVersion;
        items.Add(T.MethodologyVersion(c.IndexName, c.Request.Year, version, c.PreviousYear, previousVersion));
        var catalogue = c.Reader.Catalogue(c.Request.IndexCode);
        foreach (var v in new[] { version, previousVersion }.OfType<string>().Distinct())
        {
            var illustrative = catalogue.Count(r => r.MethodologyVersion == v && r.IsIllustrative);
            if (illustrative > 0)
            {
                items.Add(T.IllustrativeCriteria(illustrative, v));
            }
        }

        var years = new[] { c.Request.Year, c.PreviousYear ?? c.Request.Year };
        items.AddRange(catalogue
            .Where(r => r.Level <= 1 && r.Note is { Length: > 0 } && r.ValidFromYear <= years.Max() && (r.ValidToYear is null || r.ValidToYear >= years.Min()))
            .Select(r => $"{r.CriterionCode}: {r.Note}").Distinct());
        items.Add(T.RankSourceNote(c.Total.RankSource == "published"));
        if (c.Drivers.Attribution(c.Query).Value is { } attribution)
        {
            items.Add(T.SplitNote);
            items.Add(T.MethodologyNote(attribution.PreviousMethodologyVersion, attribution.MethodologyVersion, (double?)attribution.Methodology?.Points));
            if (attribution.Methodology is { } m && attribution.Components.All(x => x.Criteria.Count == 0))
            {
                items.Add(T.NoCriterionComparison(m.PreviousVersion, m.Version));
            }
            if (attribution.Uncertainty is { } uncertainty)
            {
                items.Add(T.IntervalNote(uncertainty.Draws, c.Request.IndexCode));
            }
        }

        if (c.Drivers.Model(c.Query).Value is { ShownModel: { } shown } model)
        {
            var beats = model.Comparisons.Where(x => x.Model == shown).All(x => x.Significant);
            items.Add(T.ModelNote(T.ModelName(shown), beats, model.Validation == Analytics.Models.ValidationScheme.ForwardChaining));
        }

        var used = c.UsedRows;
        var synthetic = used.Count(r => r.IsSynthetic);
        if (synthetic > 0)
        {
            items.Add(T.SyntheticRowsNote(synthetic, used.Count));
        }

        return new ReportSection("methodology", T.MethodologyHeading, [new ListBlock(items)]);
    }

    public ReportSection Provenance()
    {
        var used = c.UsedRows;
        var syntheticByFile = used.Where(r => r.SourceFile is not null)
            .GroupBy(r => (r.RunId, r.SourceFile!))
            .ToDictionary(g => g.Key, g => g.Any(r => r.IsSynthetic));
        var loads = c.Reader.Loads(syntheticByFile.Keys);
        var rows = loads.Select(l => (IReadOnlyList<string>)
        [
            l.FileName, l.Kind, l.RunId.ToString(CultureInfo.InvariantCulture), CommandName(l.Command),
            (l.EndedAt ?? l.StartedAt).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            T.Whole(l.RowsLoaded), l.Sha256.Length > 12 ? l.Sha256[..12] + "…" : l.Sha256,
            T.RealOrSynthetic(syntheticByFile.GetValueOrDefault((l.RunId, l.FileName))),
        ]).ToList();
        return new ReportSection("provenance", T.ProvenanceHeading,
        [
            new ParagraphBlock(T.ProvenanceIntro),
            new TableBlock(T.ProvenanceHeaders, rows, new HashSet<int> { 2, 5 }),
            new ParagraphBlock(T.WarehouseLabel(c.Reader.Warehouse.Target.DisplayName)),
        ]);
    }

    /// <summary>
    /// The command's words without its options and paths ("nightly --inbox /srv/cchc/inbox" → "nightly"): a report
    /// travels beyond the machine that loaded it and must not show its folders.
    /// </summary>
    internal static string CommandName(string command) =>
        string.Join(' ', command.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .TakeWhile(word => !word.StartsWith('-') && !word.Contains('/', StringComparison.Ordinal) && !word.Contains('\\', StringComparison.Ordinal) && !word.Contains(':', StringComparison.Ordinal)));
}
