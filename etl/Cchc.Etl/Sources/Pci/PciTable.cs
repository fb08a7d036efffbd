using Cchc.Etl.Spreadsheets;

namespace Cchc.Etl.Sources.Pci;

/// <summary>How a PCI summary table lays out its provinces.</summary>
internal enum PciLayoutFamily
{
    /// <summary>One row per province, the total and each sub-index in its own column (2005–2007, 2009, 2017+).</summary>
    RowPerProvince,

    /// <summary>Every value column sorted on its own, with the province names in the column to its left
    /// (2008, 2010–2016: "Tổng hợp" / "Tong hop" / "Summary_VN").</summary>
    SortedColumns,
}

/// <summary>A summary table found in a sheet by its header: where the province rows start and what each column holds.</summary>
internal sealed class PciTable(
    Sheet sheet,
    int headerRow,
    int firstDataRow,
    IReadOnlyDictionary<int, PciColumnRole> columns,
    IReadOnlyList<int> nameColumns,
    IReadOnlyDictionary<int, IReadOnlyList<string>> headerTexts)
{
    public Sheet Sheet { get; } = sheet;

    /// <summary>0-based row of the "Province" / "Tỉnh" header.</summary>
    public int HeaderRow { get; } = headerRow;

    /// <summary>0-based row of the first province.</summary>
    public int FirstDataRow { get; } = firstDataRow;

    /// <summary>Columns with a role other than <see cref="PciColumnKind.Ignored"/>, by 0-based index.</summary>
    public IReadOnlyDictionary<int, PciColumnRole> Columns { get; } = columns;

    /// <summary>Columns whose cells are province names, left to right.</summary>
    public IReadOnlyList<int> NameColumns { get; } = nameColumns;

    /// <summary>The header cell texts above each column (for finding the year and for messages).</summary>
    public IReadOnlyDictionary<int, IReadOnlyList<string>> HeaderTexts { get; } = headerTexts;

    public string HeaderOf(int column) =>
        HeaderTexts.TryGetValue(column, out var texts) && texts.Count > 0 ? string.Join(" / ", texts) : "(no header)";

    public PciLayoutFamily Family => NameColumns.Count > 1 ? PciLayoutFamily.SortedColumns : PciLayoutFamily.RowPerProvince;

    public int? TotalColumn => ColumnOf(PciColumnKind.Total);

    public int? RankColumn => ColumnOf(PciColumnKind.Rank);

    public int? OrderColumn => ColumnOf(PciColumnKind.Order);

    public IReadOnlyList<(int Column, string Code)> SubIndexColumns =>
        Columns.Where(c => c.Value.Kind == PciColumnKind.SubIndex).OrderBy(c => c.Key).Select(c => (c.Key, c.Value.Code!)).ToList();

    /// <summary>A summary table has the weighted PCI (its header says "PCI", which tells it from PAPI's weighted
    /// total) and at least a few sub-indices; a ranking table has the weighted PCI and its rank.</summary>
    public bool IsSummary => HasPciTotal && SubIndexColumns.Count >= PciTableFinder.MinimumSubIndices;

    public bool IsRanking => HasPciTotal && RankColumn is not null;

    private bool HasPciTotal =>
        TotalColumn is { } total && HeaderTexts.TryGetValue(total, out var texts) && texts.Any(PciHeaderVocabulary.NamesPci);

    /// <summary>The province-name column that labels a value column: the nearest one to its left (the sorted
    /// layouts put each name just left of its value), else the first (a rank column left of the names).</summary>
    public int NameColumnFor(int valueColumn)
    {
        var left = NameColumns.Where(n => n < valueColumn).ToList();
        return left.Count > 0 ? left[^1] : NameColumns[0];
    }

    public override string ToString() => $"sheet '{Sheet.Name}' ({Family}, header row {HeaderRow + 1})";

    private int? ColumnOf(PciColumnKind kind)
    {
        var found = Columns.Where(c => c.Value.Kind == kind).Select(c => c.Key).ToList();
        return found.Count == 0 ? null : found.Min();
    }
}
