namespace CourseKit.Native;

/// <summary>
/// Keeps native tensor memory bounded when tensors are left to the garbage collector (code written
/// as in PyTorch, without dispose scopes). The collector cannot see libtorch's memory: a dropped
/// tensor costs it a few dozen managed bytes, so it may not run for thousands of training steps
/// while gigabytes of native activations wait for finalizers.
/// <para>
/// The budget counts the bytes of every live <see cref="TensorHandle"/>. When that count passes a
/// threshold, it runs a full blocking collection and waits for the finalizers, which return the
/// memory of every unreachable tensor before the allocation that crossed the threshold proceeds.
/// The next threshold is the surviving count plus the larger of <see cref="MinimumHeadroomBytes"/>
/// and that count, so native memory stays below about twice what is really in use plus the
/// headroom, and code that does use scopes (its count stays flat) never pays for a collection.
/// </para>
/// <para>
/// Why not <c>GC.AddMemoryPressure</c>: it only makes collections more likely, by heuristics on
/// the ratio of added to removed pressure, and it never waits for finalizers, so it gives no bound
/// one can state or test; here a collection happens exactly when the stated threshold is crossed.
/// </para>
/// </summary>
internal static class NativeMemoryBudget
{
    /// <summary>
    /// Native bytes allowed to accumulate above the surviving count before a collection (128 MiB):
    /// a few hundred steps of a course model's activations, so collections stay rare (each costs
    /// about a millisecond with the course's small managed heaps).
    /// </summary>
    public const long MinimumHeadroomBytes = 128L << 20;

    private static long live;
    private static long threshold = MinimumHeadroomBytes;
    private static int collecting;
    private static long collections;

    /// <summary>Bytes held by live tensor handles (storage shared by views is counted once per handle).</summary>
    public static long LiveBytes => Volatile.Read(ref live);

    /// <summary>How many collections the budget has forced since the process started.</summary>
    public static long Collections => Volatile.Read(ref collections);

    public static void Allocated(long bytes)
    {
        if (Interlocked.Add(ref live, bytes) > Volatile.Read(ref threshold)) Collect();
    }

    public static void Released(long bytes) => Interlocked.Add(ref live, -bytes);

    private static void Collect()
    {
        // One thread collects; others allocating meanwhile go on (the collection frees for them too).
        if (Interlocked.Exchange(ref collecting, 1) != 0) return;
        try
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var surviving = Volatile.Read(ref live);
            Volatile.Write(ref threshold, surviving + Math.Max(MinimumHeadroomBytes, surviving));
            Interlocked.Increment(ref collections);
        }
        finally
        {
            Volatile.Write(ref collecting, 0);
        }
    }
}
