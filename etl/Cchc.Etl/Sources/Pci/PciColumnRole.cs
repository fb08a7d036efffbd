namespace Cchc.Etl.Sources.Pci;

internal enum PciColumnKind
{
    /// <summary>Nothing we load (region, tier, unweighted PCI, traditional conditions, indicator columns…).</summary>
    Ignored,

    /// <summary>The "Province" / "Tỉnh, thành phố" header.</summary>
    ProvinceName,

    /// <summary>The weighted PCI (the published total, out of 100).</summary>
    Total,

    /// <summary>The published rank of the weighted PCI.</summary>
    Rank,

    /// <summary>A running number ("Thứ tự", "No"): the rank only when the table is sorted by the total.</summary>
    Order,

    /// <summary>A sub-index; <see cref="PciColumnRole.Code"/> says which catalogue code.</summary>
    SubIndex,

    /// <summary>Header cells naming two different sub-indices (indicator sheets do); an error only in the summary.</summary>
    Ambiguous,
}

/// <summary>What a summary-table column holds, as read from its header text.</summary>
internal readonly record struct PciColumnRole(PciColumnKind Kind, string? Code = null)
{
    public static readonly PciColumnRole Ignored = new(PciColumnKind.Ignored);

    public bool IsValue => Kind is PciColumnKind.Total or PciColumnKind.Rank or PciColumnKind.SubIndex;

    public override string ToString() => Kind == PciColumnKind.SubIndex ? Code! : Kind.ToString();
}
