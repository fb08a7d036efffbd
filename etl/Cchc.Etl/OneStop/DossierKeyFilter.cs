namespace Cchc.Etl.OneStop;

/// <summary>
/// The dossier keys a file has delivered so far, as a Bloom filter: "not seen" is certain, "seen" may be wrong about
/// 1 % of the time at 5 million keys (more beyond). It lets a row that is surely new go straight into the fact while a
/// repeated one still takes the merge, in a fixed 8 MiB however long the file. All of a key's probes fall in one
/// 64-bit word (a register-blocked filter): one cache miss per row instead of one per probe, for a slightly higher
/// false-positive rate, which only sends a few more new rows through the merge.
/// </summary>
internal sealed class DossierKeyFilter
{
    private const int WordBits = 20;
    private const int Probes = 4;
    private readonly ulong[] _words = new ulong[1 << WordBits];

    /// <summary>Records the key; true when it may have been recorded before (false: surely the first time).</summary>
    public bool Add(long key)
    {
        var (word, mask) = Locate(key);
        ref var slot = ref _words[word];
        var seen = (slot & mask) == mask;
        slot |= mask;
        return seen;
    }

    public bool MightContain(long key)
    {
        var (word, mask) = Locate(key);
        return (_words[word] & mask) == mask;
    }

    // The key is already a 64-bit FNV hash; a finaliser spreads its bits, the low bits pick the word and four 6-bit
    // fields from the top pick the bits in it.
    private static (int Word, ulong Mask) Locate(long key)
    {
        var x = unchecked((ulong)key);
        x ^= x >> 33;
        x *= 0xff51afd7ed558ccdUL;
        x ^= x >> 33;
        x *= 0xc4ceb9fe1a85ec53UL;
        x ^= x >> 33;
        var mask = 0UL;
        for (var i = 0; i < Probes; i++)
        {
            mask |= 1UL << (int)((x >> (40 + (6 * i))) & 63);
        }

        return ((int)(x & ((1UL << WordBits) - 1)), mask);
    }
}
