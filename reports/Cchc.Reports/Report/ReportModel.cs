using Cchc.Reports.Charts;
using Cchc.Reports.Localization;

namespace Cchc.Reports.Report;

/// <summary>What to report on: a province (GSO code valid in <paramref name="Year"/>), a year, an index, a language.</summary>
public sealed record ReportRequest(string ProvinceCode, int Year, string IndexCode = "PAR", ReportLanguage Language = ReportLanguage.Vi, int? TargetRank = null);

/// <summary>The headline: where the province stands and how that changed.</summary>
internal sealed record Headline(string Score, string Rank, string Change, double ScoreValue, int RankValue, int Provinces);

/// <summary>One part of a section's body.</summary>
internal abstract record ReportBlock;

/// <summary>A chart with its one-sentence reading.</summary>
internal sealed record ChartBlock(ChartImage Chart) : ReportBlock;

internal sealed record ParagraphBlock(string Text) : ReportBlock;

/// <summary>A table; <paramref name="NumericColumns"/> are right-aligned.</summary>
internal sealed record TableBlock(IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows, IReadOnlySet<int> NumericColumns) : ReportBlock;

internal sealed record ListBlock(IReadOnlyList<string> Items) : ReportBlock;

/// <summary>A section: its blocks, or the stated reason it is omitted (never a placeholder).</summary>
internal sealed record ReportSection(string Id, string Heading, IReadOnlyList<ReportBlock> Blocks, string? OmittedBecause = null)
{
    public static ReportSection Omit(string id, string heading, string reason) => new(id, heading, [], reason);
}

/// <summary>A province report, fully worded in one language, ready to be written.</summary>
internal sealed record ProvinceReport(
    ReportText Text,
    ReportRequest Request,
    string ProvinceName,
    string Title,
    Headline Headline,
    string? SyntheticBanner,
    IReadOnlyList<ReportSection> Sections,
    string WarehouseLabel)
{
    public IEnumerable<ChartImage> Charts => Sections.SelectMany(s => s.Blocks).OfType<ChartBlock>().Select(b => b.Chart);
}
