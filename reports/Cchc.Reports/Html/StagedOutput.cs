using System.Globalization;
using Cchc.Warehouse;

namespace Cchc.Reports.Html;

/// <summary>
/// Writes a report's files into a temporary folder inside the destination and renames each into place, the page
/// (index.html) last: a reader, a browser or the web server publishing the folder, sees the old report or the new one,
/// never a half-written page. A write that was killed leaves only its temporary folder, which the next write removes.
/// </summary>
internal sealed class StagedOutput : IDisposable
{
    private const string Prefix = ".cchc-report.tmp-";
    private readonly string _destination;
    private bool _committed;

    private StagedOutput(string destination, string folder)
    {
        _destination = destination;
        Folder = folder;
    }

    /// <summary>Where to write the files (then <see cref="Commit"/>).</summary>
    public string Folder { get; }

    public static StagedOutput Begin(string destination)
    {
        Directory.CreateDirectory(destination);
        RemoveAbandoned(destination);
        var folder = Path.Combine(destination, Prefix + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        Directory.CreateDirectory(folder);
        return new StagedOutput(destination, folder);
    }

    /// <summary>Renames every written file into the destination (each rename atomic), <paramref name="lastFile"/> last.</summary>
    public void Commit(string lastFile)
    {
        foreach (var file in Directory.EnumerateFiles(Folder).Where(f => Path.GetFileName(f) != lastFile).Order(StringComparer.Ordinal))
        {
            File.Move(file, Path.Combine(_destination, Path.GetFileName(file)), overwrite: true);
        }

        var last = Path.Combine(Folder, lastFile);
        if (File.Exists(last))
        {
            File.Move(last, Path.Combine(_destination, lastFile), overwrite: true);
        }

        _committed = true;
        Directory.Delete(Folder, recursive: true);
    }

    public void Dispose()
    {
        if (!_committed && Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }

    /// <summary>Temporary folders of writes whose process no longer runs (killed mid-write).</summary>
    internal static void RemoveAbandoned(string destination)
    {
        foreach (var folder in Directory.EnumerateDirectories(destination, Prefix + "*"))
        {
            if (int.TryParse(Path.GetFileName(folder)[Prefix.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                && pid != Environment.ProcessId && !ProcessLiveness.IsRunning(pid))
            {
                try
                {
                    Directory.Delete(folder, recursive: true);
                }
                catch (IOException)
                {
                    // Left for the next write.
                }
            }
        }
    }
}
