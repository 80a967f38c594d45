namespace CourseKit.Tests.Memory;

/// <summary>
/// A temporary tensor handed to native code must stay alive for the whole call, even when nothing
/// in C# refers to it any more and another thread makes the collector run.
/// </summary>
public sealed class ConcurrentUseTests
{
    /// <summary>
    /// One thread reads temporaries (<c>item</c>, <c>ToArray</c>, operators on results that are never
    /// stored) while another allocates managed and native memory, so collections and finalizers run
    /// during the native calls. Without handles kept alive across each call this crashed the process.
    /// </summary>
    [Fact]
    public void TemporariesSurviveCollectionsDuringNativeCalls()
    {
        const int iterations = 20_000;
        var stop = false;
        var allocator = new Thread(() =>
        {
            for (var k = 0; !Volatile.Read(ref stop); k++)
            {
                randn(16).Dispose();
                GC.Collect(0);
            }
        }) { IsBackground = true };
        allocator.Start();
        double total = 0;
        for (var k = 0; k < iterations; k++)
        {
            total += randn(1024).sum().item<float>();
            total += randn(64).abs().ToArray<float>()[0];
            total += (randn(32) + 1).mean().item<float>();
        }
        Volatile.Write(ref stop, true);
        allocator.Join();
        Assert.True(double.IsFinite(total));
    }
}
