using System.Globalization;
using System.Text;
using Cchc.Etl.Samples;
using Cchc.Etl.Spreadsheets;
using Cchc.Warehouse;
using Cchc.Warehouse.Reference;

namespace Cchc.Etl.Sources.Pci;

/// <summary>
/// Synthetic PCI workbooks for 2012–2024 in the layout of VCCI's 2017+ releases: a <c>Summary</c> sheet (Province,
/// Rank, weighted score, one column per sub-index, then a blank row, a Hà Nội highlight row and Min/Median/Max)
/// and one sheet per sub-index. Scores come from the synthetic world (<see cref="SyntheticProvinces"/>):
/// sub-index = typical level + national trend + a_k·q + <see cref="StrengthLoading"/>·s_{p,k} +
/// <see cref="YearLoading"/>·e_{p,PCI,y} + <see cref="Noise"/>·ε, with the quality loading a_k planted: strong for
/// transparency (PCI.3) and labour policy (PCI.9), weak for the others — so a model of the PAR rank from PCI should find
/// those two first. The weighted total is the catalogue-weighted sum of the written sub-indices and the ranks follow the
/// totals. Deterministic: fixed seeds, no clock.
/// </summary>
internal sealed class PciSampleWriter : ISampleWriter
{
    public const int FirstYear = 2012;
    public const int LastYear = 2024;

    // Typical level of each sub-index in the real releases (entry costs high, business support and bias low).
    private static readonly Dictionary<string, double> Level = new(StringComparer.Ordinal)
    {
        ["PCI.1"] = 7.6, ["PCI.2"] = 6.4, ["PCI.3"] = 6.3, ["PCI.4"] = 6.6, ["PCI.5"] = 5.6,
        ["PCI.6"] = 5.3, ["PCI.7"] = 5.6, ["PCI.8"] = 6.0, ["PCI.9"] = 6.3, ["PCI.10"] = 5.9,
    };

    /// <summary>Quality loading of the planted sub-indices (points on the 10-point scale per SD of q).</summary>
    public const double PlantedLoading = 0.7;

    /// <summary>Quality loading of every other sub-index.</summary>
    public const double OtherLoading = 0.12;

    public const double StrengthLoading = 0.25;

    public const double YearLoading = 0.2;

    /// <summary>The firm survey's noise on a sub-index (points).</summary>
    public const double Noise = 0.3;

    /// <summary>The sub-indices that load strongly on the province's quality: the planted truth of the PAR model.</summary>
    public static IReadOnlySet<string> Planted { get; } = new HashSet<string>(["PCI.3", "PCI.9"], StringComparer.Ordinal);

    public IReadOnlyList<SampleFile> Write(string directory)
    {
        var files = new List<SampleFile>();
        for (var year = FirstYear; year <= LastYear; year++)
        {
            files.Add(WriteYear(directory, year));
        }

        return files;
    }

    /// <summary>One year's synthetic workbook (any year the catalogue covers).</summary>
    public static SampleFile WriteYear(string directory, int year)
    {
        var path = Path.Combine(directory, $"pci-{year}-synthetic.xlsx");
        Build(year).Save(path);
        return new SampleFile("pci", path);
    }

    /// <summary>The synthetic scores of one year: sub-indices by catalogue code, weighted total and rank.</summary>
    public static IReadOnlyList<PciSampleRow> Scores(int year)
    {
        var subIndices = PciCatalogue.SubIndicesIn(year);
        var rng = SyntheticProvinces.For("pci", year);
        var rows = new List<PciSampleRow>();
        foreach (var province in ProvinceCatalog.Default.ValidAtEndOf(year).OrderBy(p => p.Key))
        {
            var quality = SyntheticProvinces.QualityOf(province);
            var shock = SyntheticProvinces.YearShock(province.Key, SyntheticProvinces.Pci, year);
            var trend = 0.04 * (year - FirstYear);
            var values = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var s in subIndices)
            {
                var loading = Planted.Contains(s.Code) ? PlantedLoading : OtherLoading;
                var value = Level.GetValueOrDefault(s.Code, 6.0) + trend + (loading * quality)
                    + (StrengthLoading * SyntheticProvinces.Strength(province.Key, SyntheticProvinces.Pci, s.Code)) + (YearLoading * shock) + (Noise * Gaussian(rng));
                values[s.Code] = Math.Round(Math.Clamp(value, 3.0, 9.5), 4);
            }

            var total = Math.Round(10 * subIndices.Sum(s => s.Weight!.Value * values[s.Code]), 4);
            rows.Add(new PciSampleRow(province, values, total, 0));
        }

        return rows.Select(r => r with { Rank = 1 + rows.Count(o => o.Total > r.Total) }).ToList();
    }

    private static XlsxWriter Build(int year)
    {
        var subIndices = PciCatalogue.SubIndicesIn(year);
        var rows = Scores(year).OrderBy(r => DisplayName(r.Province), StringComparer.Ordinal).ToList();
        var writer = new XlsxWriter();
        var summary = writer.AddSheet("Summary");
        summary.Row(0, ["Province", "Rank", $"The Weighted PCI Score in {year}", .. subIndices.Select((s, i) => (object?)$"Sub-Index {i + 1}: {s.NameEn}")]);
        var r = 1;
        foreach (var row in rows)
        {
            summary.Row(r++, SummaryCells(row, subIndices));
        }

        // The real releases repeat Hà Nội under a blank row and add statistics; the parser must skip both.
        r++;
        summary.Row(r++, SummaryCells(rows.Single(x => x.Province.GsoCode == "01"), subIndices));
        foreach (var (label, pick) in Statistics())
        {
            summary.Row(r++, [label, null, pick(rows.Select(x => x.Total)), .. subIndices.Select(s => (object?)pick(rows.Select(x => x.Values[s.Code])))]);
        }

        for (var i = 0; i < subIndices.Count; i++)
        {
            var s = subIndices[i];
            var sheet = writer.AddSheet(SheetName(s.NameEn));
            sheet.Row(0, "Province", $"Sub-Index {i + 1}: {s.NameEn}");
            var sr = 1;
            foreach (var row in rows)
            {
                sheet.Row(sr++, DisplayName(row.Province), row.Values[s.Code]);
            }
        }

        SyntheticMarker.Stamp(writer,
            $"PCI {year}: synthetic scores for the {rows.Count} provinces, drawn from the synthetic world (SyntheticProvinces: quality, " +
            "persistent strengths, a PCI shock per year, survey noise; PCI.3 and PCI.9 planted to load on quality) " +
            "in the layout of VCCI's 2017+ Summary sheet. Weighted totals use the catalogue weights; ranks follow the totals.");
        return writer;
    }

    private static object?[] SummaryCells(PciSampleRow row, IReadOnlyList<PciCriterion> subIndices) =>
        [DisplayName(row.Province), row.Rank, row.Total, .. subIndices.Select(s => (object?)row.Values[s.Code])];

    private static IEnumerable<(string Label, Func<IEnumerable<double>, double> Pick)> Statistics() =>
    [
        ("Min", v => v.Min()),
        ("Median", Median),
        ("Max", v => v.Max()),
    ];

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    /// <summary>Names as the English releases write them: no diacritics, HCMC and BRVT abbreviated.</summary>
    private static string DisplayName(Province province) => province.GsoCode switch
    {
        "79" => "HCMC",
        "77" => "BRVT",
        _ => TextFolding.StripDiacritics(province.ShortName),
    };

    private static string SheetName(string nameEn)
    {
        var name = nameEn.Replace("(", string.Empty, StringComparison.Ordinal).Replace(")", string.Empty, StringComparison.Ordinal);
        return name.Length <= 31 ? name : name[..31];
    }

    private static double Gaussian(Random rng)
    {
        var u1 = 1.0 - rng.NextDouble();
        var u2 = rng.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}

/// <summary>One province's synthetic PCI for a year.</summary>
internal sealed record PciSampleRow(Province Province, IReadOnlyDictionary<string, double> Values, double Total, int Rank);
