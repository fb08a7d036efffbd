using System.Security.Cryptography;

namespace Cchc.Etl.Loading;

/// <summary>The SHA-256 of a file's bytes as <c>etl.file.sha256</c> records it; public for <c>cchc bench --profile</c>, which times it apart.</summary>
public static class FileHash
{
    public static string Sha256(string path)
    {
        using var stream = File.Open(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        return Convert.ToHexString(SHA256.HashData(stream)).ToLowerInvariant();
    }
}
