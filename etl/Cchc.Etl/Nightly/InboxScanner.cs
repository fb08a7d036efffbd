namespace Cchc.Etl.Nightly;

/// <summary>A file found in the inbox, with what it looked like when first seen.</summary>
internal sealed record InboxFile(string Path, long Size, DateTime LastWriteUtc)
{
    public string Name => System.IO.Path.GetFileName(Path);
}

/// <summary>
/// Lists inbox files oldest first, leaving out folders (processed/, failed/), hidden files and the temporary files
/// that editors and copy tools leave while writing (~$x.xlsx, *.tmp, *.part, *.crdownload).
/// </summary>
internal static class InboxScanner
{
    private static readonly string[] TemporarySuffixes = [".tmp", ".part", ".partial", ".crdownload", ".filepart", ".swp"];

    public static IReadOnlyList<InboxFile> Scan(string inbox)
    {
        if (!Directory.Exists(inbox))
        {
            throw new DirectoryNotFoundException($"Inbox '{inbox}' does not exist.");
        }

        return new DirectoryInfo(inbox).EnumerateFiles()
            .Where(f => !IsTemporaryOrHidden(f.Name))
            .Select(f => new InboxFile(f.FullName, f.Length, f.LastWriteTimeUtc))
            .OrderBy(f => f.LastWriteUtc)
            .ThenBy(f => f.Name, StringComparer.Ordinal)
            .ToList();
    }

    public static bool IsTemporaryOrHidden(string name) =>
        name.StartsWith('.') || name.StartsWith("~$", StringComparison.Ordinal) ||
        TemporarySuffixes.Any(s => name.EndsWith(s, StringComparison.OrdinalIgnoreCase)) ||
        name.EndsWith(".reason.txt", StringComparison.OrdinalIgnoreCase);

    /// <summary>True when the file's size and time are unchanged after <paramref name="settle"/> (no writer is still appending).</summary>
    public static bool IsSettled(InboxFile file, TimeSpan settle)
    {
        Thread.Sleep(settle);
        var now = new FileInfo(file.Path);
        return now.Exists && now.Length == file.Size && now.LastWriteTimeUtc == file.LastWriteUtc;
    }
}
