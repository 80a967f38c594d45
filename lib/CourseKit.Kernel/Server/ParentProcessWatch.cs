using System.Runtime.InteropServices;

namespace CourseKit.Kernel.Server;

/// <summary>
/// Ends the kernel when the front end that started it is gone, so no orphan kernel keeps a core and
/// its memory: the parent is <c>JPY_PARENT_PID</c> when Jupyter sets it, else the process that
/// started this one (checked once a second; an orphaned process is re-parented, so its parent id changes).
/// </summary>
internal static partial class ParentProcessWatch
{
    public static void Start(Action onParentGone)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS()) return;
        var startedBy = getppid();
        var parent = int.TryParse(Environment.GetEnvironmentVariable("JPY_PARENT_PID"), out var jupyter) && jupyter > 1
            ? jupyter
            : startedBy;
        if (parent <= 1) return;
        new Thread(() =>
        {
            while (IsAlive(parent) && getppid() == startedBy) Thread.Sleep(TimeSpan.FromSeconds(1));
            onParentGone();
        }) { IsBackground = true, Name = "parent watch" }.Start();
    }

    private static bool IsAlive(int pid) => kill(pid, 0) == 0 || Marshal.GetLastPInvokeError() == PermissionDenied;

    private const int PermissionDenied = 1; // EPERM: the process exists but belongs to someone else

    [LibraryImport("libc", SetLastError = true)]
    private static partial int kill(int pid, int signal);

    [LibraryImport("libc")]
    private static partial int getppid();
}
