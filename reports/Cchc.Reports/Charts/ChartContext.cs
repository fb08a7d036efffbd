using Cchc.Reports.Localization;

namespace Cchc.Reports.Charts;

/// <summary>What every recipe needs besides its numbers: the language of all its text, and the source line drawn under it.</summary>
/// <param name="Source">Provenance, e.g. "Nguồn: PCI 2017 (VCCI); dữ liệu tổng hợp (synthetic)"; already in <paramref name="Text"/>'s language.</param>
public sealed record ChartContext(ReportText Text, string Source);
