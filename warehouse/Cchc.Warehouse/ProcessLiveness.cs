using System.Diagnostics;

namespace Cchc.Warehouse;

/// <summary>
/// Whether the process that named a temporary file or folder after its id still runs: writers (the publish, the
/// report) leave <c>….tmp-PID</c> behind only when they were killed, and the next writer removes those whose process
/// is gone.
/// </summary>
public static class ProcessLiveness
{
    public static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
