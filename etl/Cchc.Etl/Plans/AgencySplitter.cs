using Cchc.Warehouse.Plans;

namespace Cchc.Etl.Plans;

/// <summary>
/// Splits an agency cell ("Sở Nội vụ, Sở Tư pháp, Sở TT&amp;TT, Văn phòng UBND tỉnh") into agencies. Commas inside names
/// and collective groups ("Các sở, ban, ngành, UBND các huyện, thành phố" is two groups, not five agencies) are
/// respected by matching the longest run of comma-separated pieces that the catalogue knows.
/// </summary>
internal sealed class AgencySplitter(AgencyCatalog catalog)
{
    private const int LongestNameInPieces = 6;

    private static readonly char[] Separators = [',', ';', '\n', '\r'];

    private static readonly string[] AgencyWords = ["so ", "ubnd", "van phong", "ban ", "bo ", "cac ", "thanh tra", "dai ", "bao ", "cong an", "trung tam", "chi cuc"];

    public static AgencySplitter Default { get; } = new(AgencyCatalog.Default);

    /// <summary>The agencies named, in order, each once, with the text that named it.</summary>
    public IReadOnlyList<(AgencyRecord Agency, string AsWritten)> Split(string? text)
    {
        var result = new List<(AgencyRecord, string)>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return result;
        }

        var pieces = text.Split(Separators, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.TrimStart('-', '+', '•', ' ').TrimEnd('.', ' '))
            .Where(p => p.Length > 0)
            .ToList();
        var i = 0;
        while (i < pieces.Count)
        {
            var matched = false;
            for (var length = Math.Min(LongestNameInPieces, pieces.Count - i); length >= 1; length--)
            {
                var candidate = string.Join(", ", pieces.Skip(i).Take(length));
                if (catalog.Find(candidate) is { } agency)
                {
                    Add(agency, candidate);
                    i += length;
                    matched = true;
                    break;
                }
            }

            if (!matched)
            {
                foreach (var part in SplitOnAnd(pieces[i]))
                {
                    Add(catalog.Resolve(part), part);
                }

                i++;
            }
        }

        return result;

        void Add(AgencyRecord agency, string asWritten)
        {
            if (!result.Any(r => r.Item1.NormalizedName == agency.NormalizedName))
            {
                result.Add((agency, asWritten));
            }
        }
    }

    /// <summary>"Sở Nội vụ và Sở Tư pháp" is two agencies, but "Sở Thông tin và Truyền thông" is one: split on 'và'
    /// only when every part is a known agency or starts like an agency name.</summary>
    private IEnumerable<string> SplitOnAnd(string piece)
    {
        var parts = piece.Split(" và ", StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return parts.Length > 1 && parts.All(p => catalog.Find(p) is not null || LooksLikeAgency(p)) ? parts : [piece];
    }

    private static bool LooksLikeAgency(string text)
    {
        var key = AgencyCatalog.Key(text) + " ";
        return AgencyWords.Any(w => key.StartsWith(w, StringComparison.Ordinal));
    }
}
