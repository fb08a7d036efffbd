using System.Globalization;
using Cchc.Etl.Provinces;
using Cchc.Warehouse;

namespace Cchc.Etl.Sources.Papi;

/// <summary>One PAPI criterion as the warehouse seed <c>criteria-papi.csv</c> defines it for a span of years.</summary>
internal sealed record PapiCriterion(
    string Code, string? ParentCode, int Level, string NameVi, string NameEn, double MaxPoints, int FromYear, int? ToYear)
{
    /// <summary>Every PAPI scale runs from a tenth of its maximum (1–10, 0.25–2.5, 6–60 …).</summary>
    public double MinPoints => MaxPoints / 10;

    public bool IsValidIn(int year) => FromYear <= year && (ToYear is null || year <= ToYear);
}

/// <summary>
/// The PAPI criterion catalogue, read from the same embedded seed the warehouse syncs into dw.dim_criterion, so the
/// parser and the warehouse can never disagree on codes, names, years or scales. Also maps header texts (English or
/// Vietnamese, any version's name, plus the spellings the real workbooks use) to criterion codes.
/// </summary>
internal sealed class PapiCriteria
{
    private const string SeedName = "criteria-papi.csv";

    // Header texts in the real workbooks that differ from the seed's names (keys as HeaderKey folds them).
    private static readonly (string Header, string Code)[] HeaderAliases =
    [
        ("Un-weighted2015PAPI", IndexCodes.Total),
        ("Chỉ số PAPI (không có trọng số)", IndexCodes.Total),
        ("Unweighted PAPI", IndexCodes.Total),
        ("Unweighted PAPI Score", IndexCodes.Total),
        ("E-Reponsiveness", "PAPI.D8.3"),
    ];

    private readonly Dictionary<string, string> _codeByHeader = new(StringComparer.Ordinal);

    private PapiCriteria(IReadOnlyList<PapiCriterion> all)
    {
        All = all;
        foreach (var c in all)
        {
            AddHeader(c.NameEn, c.Code);
            AddHeader(c.NameVi, c.Code);
        }

        foreach (var (header, code) in HeaderAliases)
        {
            AddHeader(header, code);
        }
    }

    public static PapiCriteria Default { get; } = Load();

    public IReadOnlyList<PapiCriterion> All { get; }

    /// <summary>The definition of <paramref name="code"/> valid in <paramref name="year"/>, or null.</summary>
    public PapiCriterion? Find(string code, int year) => All.FirstOrDefault(c => c.Code == code && c.IsValidIn(year));

    /// <summary>The total's, dimensions' and sub-dimensions' definitions valid in a year, in catalogue order.</summary>
    public IReadOnlyList<PapiCriterion> ValidIn(int year) => All.Where(c => c.IsValidIn(year)).ToList();

    public IReadOnlyList<PapiCriterion> DimensionsIn(int year) => All.Where(c => c.Level == 1 && c.IsValidIn(year)).ToList();

    public IReadOnlyList<PapiCriterion> ChildrenOf(string parentCode, int year) =>
        All.Where(c => c.ParentCode == parentCode && c.IsValidIn(year)).ToList();

    /// <summary>The criterion code a column header names, or null when it names none.</summary>
    public string? CodeForHeader(string? header) =>
        header is not null && _codeByHeader.TryGetValue(HeaderKey(header), out var code) ? code : null;

    /// <summary>Letters and digits of the folded text: "Local Government’s Response…" and "Local Government's Response…" agree.</summary>
    public static string HeaderKey(string text) => ProvinceResolver.Key(text);

    private void AddHeader(string header, string code)
    {
        var key = HeaderKey(header);
        if (_codeByHeader.TryGetValue(key, out var existing) && existing != code)
        {
            throw new InvalidOperationException($"Seed {SeedName}: the name '{header}' is used by both {existing} and {code}; header matching needs unique names.");
        }

        _codeByHeader[key] = code;
    }

    private static PapiCriteria Load()
    {
        var rows = SeedData.ReadCsv(SeedName)
            .Where(r => r["index_code"] == IndexCodes.Papi)
            .Select(r => new PapiCriterion(
                r["criterion_code"],
                string.IsNullOrEmpty(r["parent_code"]) ? null : r["parent_code"],
                int.Parse(r["level"], CultureInfo.InvariantCulture),
                r["name_vi"],
                r["name_en"],
                double.Parse(r["max_points"], CultureInfo.InvariantCulture),
                int.Parse(r["valid_from_year"], CultureInfo.InvariantCulture),
                string.IsNullOrEmpty(r["valid_to_year"]) ? null : int.Parse(r["valid_to_year"], CultureInfo.InvariantCulture)))
            .ToList();
        return new PapiCriteria(rows);
    }
}
