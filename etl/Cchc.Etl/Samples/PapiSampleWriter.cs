using System.Globalization;
using System.Text;
using Cchc.Etl.Sources.Papi;
using Cchc.Etl.Spreadsheets;
using Cchc.Warehouse;
using Cchc.Warehouse.Reference;

namespace Cchc.Etl.Samples;

/// <summary>
/// Writes a synthetic PAPI workbook in the layout of the real <c>PAPI 2011-2019.xlsx</c>: one sheet per year
/// ("2011_PAPI" …) for 2011–2024, <c>tinhid</c> and the province names, an English header row then a Vietnamese one,
/// each dimension followed by its sub-dimensions as the criteria seed defines them for that year (6 dimensions until
/// 2017, 8 from 2018), the unweighted total column until 2017 (the real file has none from 2018) and a closing
/// "Highest" row. Scores come from the synthetic world (<see cref="SyntheticProvinces"/>): a dimension's position on its
/// scale = typical position + sub-dimension offset + a_j·q + <see cref="StrengthLoading"/>·s_{p,j} +
/// <see cref="YearLoading"/>·e_{p,PAPI,y} + trend + <see cref="Noise"/>·ε (the survey noise, about the standard error
/// UNDP's 2019 provincial release shows, ε drawn once per dimension and shared by its sub-dimensions). The quality
/// loadings a_j are stated in <see cref="QualityLoading"/>: Participation (D1) and Transparency (D2) are generated
/// identically, so a model must give them equal importance within its uncertainty. Deterministic; stamped with
/// <see cref="SyntheticMarker"/>.
/// </summary>
internal sealed class PapiSampleWriter : ISampleWriter
{
    public const int FirstYear = 2011;
    public const int LastYear = 2024;
    public const string FileName = "PAPI 2011-2024 synthetic.xlsx";

    private const int LastYearWithTotalColumn = 2017;

    // Typical position of each dimension on its scale (0 = minimum, 1 = maximum), near the real 2011-2019 medians.
    private static readonly Dictionary<string, double> TypicalPosition = new(StringComparer.Ordinal)
    {
        ["PAPI.D1"] = 0.47, ["PAPI.D2"] = 0.50, ["PAPI.D3"] = 0.47, ["PAPI.D4"] = 0.55,
        ["PAPI.D5"] = 0.68, ["PAPI.D6"] = 0.67, ["PAPI.D7"] = 0.33, ["PAPI.D8"] = 0.25,
    };

    /// <summary>Quality loading of each dimension (share of its scale per SD of q); D1 and D2 identical.</summary>
    public static IReadOnlyDictionary<string, double> QualityLoading { get; } = new Dictionary<string, double>(StringComparer.Ordinal)
    {
        ["PAPI.D1"] = 0.02, ["PAPI.D2"] = 0.02, ["PAPI.D3"] = 0.008, ["PAPI.D4"] = 0.008,
        ["PAPI.D5"] = 0.008, ["PAPI.D6"] = 0.008, ["PAPI.D7"] = 0.008, ["PAPI.D8"] = 0.008,
    };

    public const double StrengthLoading = 0.01;

    public const double YearLoading = 0.005;

    /// <summary>Survey noise on a dimension's position (≈ 0.1 points on a 1–10 scale).</summary>
    public const double Noise = 0.011;

    private readonly PapiCriteria _criteria = PapiCriteria.Default;

    public IReadOnlyList<SampleFile> Write(string directory)
    {
        var writer = new XlsxWriter();
        SyntheticMarker.Stamp(writer,
            $"PAPI dimension and sub-dimension scores {FirstYear}–{LastYear} in the layout of UNDP's PAPI 2011-2019.xlsx, " +
            "drawn from the synthetic world (quality, persistent strengths, a PAPI shock per year, survey noise; D1 and D2 generated identically). Not UNDP figures.");
        for (var year = FirstYear; year <= LastYear; year++)
        {
            WriteYear(writer.AddSheet($"{year}_PAPI"), year);
        }

        var path = Path.Combine(directory, FileName);
        writer.Save(path);
        return [new SampleFile("papi", path)];
    }

    private void WriteYear(XlsxWriter.SheetData sheet, int year)
    {
        var dimensions = _criteria.DimensionsIn(year);
        var subDimensions = dimensions.ToDictionary(d => d.Code, d => _criteria.ChildrenOf(d.Code, year));
        var columns = dimensions.SelectMany(d => subDimensions[d.Code].Prepend(d)).ToList();
        var withTotal = year <= LastYearWithTotalColumn;
        var english = new List<object?> { "tinhid", "tentinh_eng", "tentinh_vie" };
        var vietnamese = new List<object?> { "tinhid", "tentinh_eng", "tentinh_vie" };
        english.AddRange(columns.Select(c => c.NameEn));
        vietnamese.AddRange(columns.Select(c => c.NameVi));
        if (withTotal)
        {
            english.Add("Un-weighted2015PAPI");
            vietnamese.Add("Chỉ số PAPI (không có trọng số)");
        }

        sheet.Row(0, [.. english]);
        sheet.Row(1, [.. vietnamese]);

        var random = SyntheticProvinces.For("papi", year);
        var provinces = ProvinceCatalog.Default.ValidAtEndOf(year).Where(p => p.Key < 100).OrderBy(p => p.Key).ToList();
        var highest = new double[columns.Count + 1];
        for (var i = 0; i < provinces.Count; i++)
        {
            var province = provinces[i];
            var values = new List<double>();
            var total = 0.0;
            foreach (var dimension in dimensions)
            {
                var noise = Noise * Gaussian(random);
                var subs = subDimensions[dimension.Code]
                    .Select(s => Math.Round(SubDimensionScore(s, dimension.Code, province, year, noise), 6))
                    .ToList();
                var score = Math.Round(subs.Sum(), 6);
                total += score;
                values.Add(score);
                values.AddRange(subs);
            }

            if (withTotal)
            {
                values.Add(Math.Round(total, 6));
            }

            for (var c = 0; c < values.Count; c++)
            {
                highest[c] = Math.Max(highest[c], values[c]);
            }

            sheet.Row(i + 2, [province.Key, TextFolding.StripDiacritics(province.ShortName), province.ShortName, .. values.Cast<object?>()]);
        }

        sheet.Row(provinces.Count + 2, [999, "Highest", "Điểm cao nhất", .. highest.Take(columns.Count + (withTotal ? 1 : 0)).Cast<object?>()]);
    }

    /// <summary>A sub-dimension score: the dimension's position (see the class remarks) plus the sub-dimension's fixed offset.</summary>
    private static double SubDimensionScore(PapiCriterion sub, string dimensionCode, Province province, int year, double noise)
    {
        var position = TypicalPosition[dimensionCode]
            + SubDimensionOffset(sub.Code)
            + (QualityLoading[dimensionCode] * SyntheticProvinces.QualityOf(province))
            + (StrengthLoading * SyntheticProvinces.Strength(province.Key, SyntheticProvinces.Papi, dimensionCode))
            + (YearLoading * SyntheticProvinces.YearShock(province.Key, SyntheticProvinces.Papi, year))
            + (0.004 * (year - FirstYear))
            + noise;
        position = Math.Clamp(position, 0.02, 0.98);
        return sub.MinPoints + (position * (sub.MaxPoints - sub.MinPoints));
    }

    /// <summary>A fixed offset per sub-dimension (−0.12…0.12), so that sub-dimensions differ as in the real data
    /// (e.g. Civic Knowledge sits lower on its scale than Opportunities for Participation).</summary>
    private static double SubDimensionOffset(string code) => (SyntheticProvinces.For("papi-sub:" + code).NextDouble() - 0.5) * 0.24;

    private static double Gaussian(Random rng)
    {
        var u1 = 1.0 - rng.NextDouble();
        var u2 = rng.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
