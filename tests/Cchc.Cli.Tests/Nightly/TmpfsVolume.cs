using System.Diagnostics;

namespace Cchc.Cli.Tests.Nightly;

/// <summary>
/// A small tmpfs mounted on a test folder (Linux, root with CAP_SYS_ADMIN): a disk that fills up, or that can be
/// remounted read-only. Always unmounted on dispose. <see cref="TryMount"/> says why when mounting is not permitted,
/// so a test can fall back to another way of causing the same fault.
/// </summary>
internal sealed class TmpfsVolume : IDisposable
{
    private bool _mounted = true;

    private TmpfsVolume(string path)
    {
        Path = path;
    }

    public string Path { get; }

    public static TmpfsVolume? TryMount(string path, int megabytes, out string whyNot)
    {
        Directory.CreateDirectory(path);
        whyNot = string.Empty;
        if (!OperatingSystem.IsLinux())
        {
            whyNot = "tmpfs needs Linux";
            return null;
        }

        var (code, output) = Run("mount", "-t", "tmpfs", "-o", $"size={megabytes}m,mode=0777", "tmpfs", path);
        if (code != 0)
        {
            whyNot = $"mount -t tmpfs failed ({output.Trim()})";
            return null;
        }

        return new TmpfsVolume(path);
    }

    public long FreeBytes => new DriveInfo(Path).AvailableFreeSpace;

    public void RemountReadOnly() => Remount("ro");

    public void RemountReadWrite() => Remount("rw");

    /// <summary>Fills the volume until only about <paramref name="leave"/> bytes are free; returns the filler's path.</summary>
    public string Fill(long leave)
    {
        var filler = System.IO.Path.Combine(Path, "filler.bin");
        var chunk = new byte[64 * 1024];
        Array.Fill(chunk, (byte)0xA5);
        using var stream = new FileStream(filler, FileMode.Create, FileAccess.Write);
        while (FreeBytes - chunk.Length >= leave)
        {
            stream.Write(chunk);
            stream.Flush();
        }

        return filler;
    }

    private void Remount(string mode)
    {
        var (code, output) = Run("mount", "-o", $"remount,{mode}", Path);
        Assert.True(code == 0, $"mount -o remount,{mode} {Path} failed: {output}");
    }

    internal static (int Code, string Output) Run(string command, params string[] args)
    {
        var info = new ProcessStartInfo(command) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        try
        {
            using var process = Process.Start(info)!;
            var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, output);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (-1, e.Message);
        }
    }

    public void Dispose()
    {
        if (!_mounted)
        {
            return;
        }

        _mounted = false;
        if (Run("umount", Path).Code != 0)
        {
            Run("umount", "-l", Path); // busy (a child still closing): detach now, freed when the last handle goes
        }
    }
}
