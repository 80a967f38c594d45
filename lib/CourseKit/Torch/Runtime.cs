using System.Runtime.InteropServices;
using CourseKit.Native;

namespace CourseKit;

public static partial class torch
{
    /// <summary>
    /// Tensors of at least this many bytes would otherwise be mmap-ed and unmapped one by one by glibc,
    /// so every activation of a training step page-faults fresh memory. Measured on the benchmark MLP
    /// (2 threads): forward + backward + Adam step took 12-14 ms with glibc's defaults, about 10 ms with these thresholds.
    /// </summary>
    private const long MmapThresholdBytes = 256L << 20;

    /// <summary>Free memory kept at the top of the heap before glibc returns it to the system.</summary>
    private const long TrimThresholdBytes = 512L << 20;

    static torch()
    {
        // libtorch picks one intra-op thread on small machines; use every core unless told otherwise.
        set_num_threads(Environment.ProcessorCount);
        NativeMethods.Check(NativeMethods.ck_set_malloc_thresholds(MmapThresholdBytes, TrimThresholdBytes), "tuning malloc");
    }

    /// <summary>Seeds libtorch's CPU (and CUDA) generators: the same seed gives the same numbers on every run.</summary>
    public static void manual_seed(long seed) =>
        NativeMethods.Check(NativeMethods.ck_manual_seed(unchecked((ulong)seed)), $"manual_seed({seed})");

    /// <summary>Sets libtorch's intra-op thread count (the default is the machine's core count).</summary>
    public static void set_num_threads(int threads) =>
        NativeMethods.Check(NativeMethods.ck_set_num_threads(threads), $"set_num_threads({threads})");

    public static int get_num_threads() => NativeMethods.ck_get_num_threads();

    /// <summary>The version of the libtorch the native bridge was built against, e.g. "1.13.1".</summary>
    public static string libtorch_version => Marshal.PtrToStringUTF8(NativeMethods.ck_torch_version()) ?? "?";

    public static class cuda
    {
        public static bool is_available() => NativeMethods.ck_cuda_is_available() != 0;

        public static int device_count() => NativeMethods.ck_cuda_device_count();

        /// <summary>Waits for all work queued on the device (-1: the current device) to finish.</summary>
        public static void synchronize(int device = -1) =>
            NativeMethods.Check(NativeMethods.ck_cuda_synchronize(device), $"cuda.synchronize({device})");
    }
}
