using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using Cchc.Etl.Spreadsheets;
using Cchc.Warehouse;
using Cchc.Warehouse.Plans;

namespace Cchc.Etl.Plans;

/// <summary>
/// The agencies plans name, with their aliases (embedded <c>agency-catalog.csv</c>): "Sở TT&amp;TT" is the Sở Thông tin và
/// Truyền thông, "VP UBND" the Văn phòng UBND tỉnh, and collective groups such as "Các sở, ban, ngành" are one party
/// each (see the glossary). Names outside the catalogue are kept as written and marked uncatalogued.
/// </summary>
internal sealed partial class AgencyCatalog
{
    private const string ResourceName = "Cchc.Etl.Plans.agency-catalog.csv";

    private static readonly Lazy<AgencyCatalog> Shared = new(Load);

    private readonly Dictionary<string, AgencyRecord> _byKey;

    private AgencyCatalog(IReadOnlyList<AgencyRecord> agencies, Dictionary<string, AgencyRecord> byKey)
    {
        Agencies = agencies;
        _byKey = byKey;
    }

    public static AgencyCatalog Default => Shared.Value;

    public IReadOnlyList<AgencyRecord> Agencies { get; }

    /// <summary>The catalogued agency a name or alias means, or null.</summary>
    public AgencyRecord? Find(string name) => _byKey.GetValueOrDefault(Key(name));

    /// <summary>An agency for a name: the catalogued one, else the name as written with a type guessed from its words.</summary>
    public AgencyRecord Resolve(string name) => Find(name) ?? Uncatalogued(name);

    /// <summary>Folded match key: no diacritics, lower case, 'Ủy ban nhân dân' = 'UBND', punctuation other than '&amp;' dropped.</summary>
    public static string Key(string name)
    {
        var folded = CellValues.Fold(name).Replace("uy ban nhan dan", "ubnd", StringComparison.Ordinal);
        folded = Ampersand().Replace(folded, "&");
        return NotKeyCharacters().Replace(folded, " ").Trim();
    }

    private static AgencyRecord Uncatalogued(string name)
    {
        var text = name.Trim().Normalize(NormalizationForm.FormC);
        if (text.Length > 0)
        {
            text = char.ToUpperInvariant(text[0]) + text[1..];
        }

        var key = Key(text);
        var type =
            key.StartsWith("so ", StringComparison.Ordinal) || key.StartsWith("ban ", StringComparison.Ordinal)
                || key.StartsWith("thanh tra", StringComparison.Ordinal) ? "department"
            : key.StartsWith("van phong", StringComparison.Ordinal) ? "provincial_office"
            : key.StartsWith("bo ", StringComparison.Ordinal) ? "ministry"
            : key.Contains("ubnd", StringComparison.Ordinal) && ContainsAny(key, "cap xa", " xa ", "phuong", "thi tran") ? "commune_committee"
            : key.Contains("ubnd", StringComparison.Ordinal) && ContainsAny(key, "huyen", "thi xa", "thanh pho") ? "district_committee"
            : key.Contains("ubnd", StringComparison.Ordinal) ? "provincial_committee"
            : key.StartsWith("dai ", StringComparison.Ordinal) || key.StartsWith("bao ", StringComparison.Ordinal) ? "media"
            : ContainsAny(key, "don vi su nghiep", "truong ", "benh vien", "trung tam") ? "public_service_unit"
            : "other";
        var collective = key.StartsWith("cac ", StringComparison.Ordinal) || ContainsAny(key, "cap xa", "cap huyen", "cac huyen", "cac xa");
        return new AgencyRecord(text, key, null, null, type, collective, IsCatalogued: false, IsNational: type == "ministry");
    }

    private static bool ContainsAny(string text, params string[] parts) => parts.Any(p => text.Contains(p, StringComparison.Ordinal));

    private static AgencyCatalog Load()
    {
        using var stream = typeof(AgencyCatalog).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"{ResourceName} is not embedded in {Assembly.GetExecutingAssembly().GetName().Name}.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var rows = CsvText.Parse(reader.ReadToEnd());
        var header = rows[0].ToList();
        int Column(string name) => header.IndexOf(name) is var i and >= 0 ? i : throw new InvalidOperationException($"{ResourceName} has no column {name}.");
        var agencies = new List<AgencyRecord>();
        var byKey = new Dictionary<string, AgencyRecord>(StringComparer.Ordinal);
        foreach (var row in rows.Skip(1).Where(r => r.Count > 1))
        {
            string Cell(string name) => row[Column(name)].Normalize(NormalizationForm.FormC).Trim();
            var canonical = Cell("canonical_name");
            var agency = new AgencyRecord(
                canonical, Key(canonical), Cell("abbreviation") is { Length: > 0 } a ? a : null, Cell("name_en"),
                Cell("agency_type"), Cell("is_collective") == "true", IsCatalogued: true, IsNational: Cell("is_national") == "true");
            agencies.Add(agency);
            foreach (var alias in Cell("aliases").Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Prepend(canonical))
            {
                if (byKey.TryGetValue(Key(alias), out var other) && other != agency)
                {
                    throw new InvalidOperationException($"{ResourceName}: alias '{alias}' names both '{other.Name}' and '{canonical}'.");
                }

                byKey[Key(alias)] = agency;
            }
        }

        return new AgencyCatalog(agencies, byKey);
    }

    [GeneratedRegex(@"\s*&\s*")]
    private static partial Regex Ampersand();

    [GeneratedRegex(@"[^a-z0-9&]+")]
    private static partial Regex NotKeyCharacters();
}
