namespace Cchc.Cli.Tests.Nightly;

/// <summary>
/// A directory nobody may add to, remove from or rename in — root included — through the Linux immutable attribute
/// (<c>chattr +i</c>): how a test running as root, which passes through <c>chmod</c>, gets a read-only inbox when it
/// cannot mount a tmpfs. Removed again on dispose.
/// </summary>
internal sealed class ImmutableDirectory : IDisposable
{
    private readonly string _path;
    private bool _immutable = true;

    private ImmutableDirectory(string path) => _path = path;

    /// <summary>Null, with the reason, when the attribute cannot be set here (no chattr, no capability, a file system without it).</summary>
    public static ImmutableDirectory? TryApply(string path, out string whyNot)
    {
        var (code, output) = TmpfsVolume.Run("chattr", "+i", path);
        whyNot = code == 0 ? string.Empty : $"chattr +i {path}: {output.Trim()}";
        return code == 0 ? new ImmutableDirectory(path) : null;
    }

    public void Release()
    {
        if (_immutable)
        {
            var (code, output) = TmpfsVolume.Run("chattr", "-i", _path);
            Assert.True(code == 0, $"chattr -i {_path} failed: {output}");
            _immutable = false;
        }
    }

    public void Dispose() => Release();
}
