using System.Runtime.InteropServices;

namespace CourseKit.Tests.Memory;

/// <summary>Reads this process's resident memory (VmRSS in /proc/self/status), the figure a kernel's OOM killer sees.</summary>
internal static partial class ResidentMemory
{
    /// <summary>
    /// Frees what earlier tests left to the collector and hands glibc's free heap back to the system,
    /// so a reading taken next reflects memory in use, not what a previous test happened to leave.
    /// </summary>
    public static void Settle()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        _ = malloc_trim(0);
    }

    [LibraryImport("libc")]
    private static partial int malloc_trim(nuint pad);

    public static long Bytes()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (!line.StartsWith("VmRSS:", StringComparison.Ordinal)) continue;
            var kib = line["VmRSS:".Length..].Trim().Split(' ')[0];
            return long.Parse(kib, System.Globalization.CultureInfo.InvariantCulture) << 10;
        }
        throw new InvalidOperationException("/proc/self/status has no VmRSS line");
    }

    /// <summary>Runs <paramref name="steps"/> steps and returns the highest resident size seen (sampled every 25 steps).</summary>
    public static long PeakDuring(int steps, Action<int> step)
    {
        var peak = Bytes();
        for (var k = 0; k < steps; k++)
        {
            step(k);
            if (k % 25 == 24) peak = Math.Max(peak, Bytes());
        }
        return Math.Max(peak, Bytes());
    }

    public static string MiB(long bytes) => $"{bytes >> 20} MiB";
}
