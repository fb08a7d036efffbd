namespace Cchc.Etl.OneStop;

/// <summary>
/// The dossier keys a file has delivered so far, as a Bloom filter: "not seen" is certain, "seen" may be wrong about 1 %
/// of the time at 5 million keys (more beyond). It lets a row that is surely new go straight into the fact while a
/// repeated one still takes the merge, in a fixed 8 MiB however long the file.
/// </summary>
internal sealed class DossierKeyFilter
{
    private const int Bits = 1 << 26;
    private const int Probes = 4;
    private readonly ulong[] _words = new ulong[Bits / 64];

    public void Add(long key)
    {
        var (h1, h2) = Hashes(key);
        for (var i = 0; i < Probes; i++)
        {
            var bit = (h1 + ((uint)i * h2)) & (Bits - 1);
            _words[bit >> 6] |= 1UL << (int)(bit & 63);
        }
    }

    public bool MightContain(long key)
    {
        var (h1, h2) = Hashes(key);
        for (var i = 0; i < Probes; i++)
        {
            var bit = (h1 + ((uint)i * h2)) & (Bits - 1);
            if ((_words[bit >> 6] & (1UL << (int)(bit & 63))) == 0)
            {
                return false;
            }
        }

        return true;
    }

    // The key is already a 64-bit FNV hash; a finaliser spreads its bits before the two halves become the probes.
    private static (ulong H1, ulong H2) Hashes(long key)
    {
        var x = unchecked((ulong)key);
        x ^= x >> 33;
        x *= 0xff51afd7ed558ccdUL;
        x ^= x >> 33;
        x *= 0xc4ceb9fe1a85ec53UL;
        x ^= x >> 33;
        return (x & 0xffffffffUL, (x >> 32) | 1UL);
    }
}
