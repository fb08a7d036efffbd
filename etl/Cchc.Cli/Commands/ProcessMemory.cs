namespace Cchc.Cli.Commands;

/// <summary>This process's memory as Linux reports it in /proc/self/status (null elsewhere).</summary>
internal static class ProcessMemory
{
    /// <summary>Peak resident set size (VmHWM) in MiB.</summary>
    public static double? PeakRssMiB() => StatusKb("VmHWM") / 1024.0;

    public static double? RssMiB() => StatusKb("VmRSS") / 1024.0;

    /// <summary>Resets the peak (VmHWM) to the current RSS, so a later reading is the peak of what ran in between.</summary>
    public static bool ResetPeak()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return false;
        }
    }

    private static long? StatusKb(string field)
    {
        const string path = "/proc/self/status";
        if (!File.Exists(path))
        {
            return null;
        }

        foreach (var line in File.ReadLines(path))
        {
            if (line.StartsWith(field + ":", StringComparison.Ordinal))
            {
                return long.Parse(line[(field.Length + 1)..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return null;
    }
}
