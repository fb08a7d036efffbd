using System.Text;

namespace Cchc.Etl.OneStop;

/// <summary>
/// Hands out one NFC string instance per distinct text (procedure codes, agency names … repeat millions of times), so a
/// column with few distinct values costs one look-up per row and no allocation. Bounded: past its capacity it allocates.
/// </summary>
internal sealed class SpanStringPool(int capacity = 50_000)
{
    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);

    public string? Get(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return null;
        }

        var lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(text, out var known))
        {
            return known;
        }

        var raw = text.ToString();
        var value = raw.IsNormalized(NormalizationForm.FormC) ? raw : raw.Normalize(NormalizationForm.FormC);
        if (_strings.Count < capacity)
        {
            _strings[raw] = value;
        }

        return value;
    }
}
