using System.Security.Cryptography;

namespace Cchc.Etl.Loading;

internal static class FileHash
{
    public static string Sha256(string path)
    {
        using var stream = File.Open(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        return Convert.ToHexString(SHA256.HashData(stream)).ToLowerInvariant();
    }
}
