using System.Runtime.CompilerServices;

namespace CourseKit.Tests.Memory;

/// <summary>Dispose scopes nested, forgotten (never disposed) and disposed out of order.</summary>
[Collection(nameof(SeededRandomCollection))]
public sealed class DisposeScopeTests
{
    [Fact]
    public void NestedScopesDisposeTheirOwnTensorsInnermostFirst()
    {
        using var outer = NewDisposeScope();
        var a = ones(2);
        Tensor b, moved;
        using (var inner = NewDisposeScope())
        {
            b = ones(3);
            moved = ones(4).MoveToOuterDisposeScope();
            Assert.Equal(1, inner.Count);
        }
        Assert.True(b.IsInvalid);
        Assert.False(a.IsInvalid);
        Assert.False(moved.IsInvalid);
        Assert.Equal(2, outer.Count);                 // a and the tensor moved out of the inner scope
        outer.Dispose();
        Assert.True(a.IsInvalid);
        Assert.True(moved.IsInvalid);
    }

    [Fact]
    public void OuterDisposedFirstDisposesOnlyItsOwnTensorsAndNeverReceivesNewOnes()
    {
        var outer = NewDisposeScope();
        var a = ones(2);
        var inner = NewDisposeScope();
        var b = ones(2);

        outer.Dispose();                              // out of order: inner is still open
        Assert.True(a.IsInvalid);
        Assert.False(b.IsInvalid);

        var c = ones(2);                              // still goes to the open inner scope
        Assert.Equal(2, inner.Count);
        inner.Dispose();
        Assert.True(b.IsInvalid);
        Assert.True(c.IsInvalid);

        using var d = ones(2);                        // no scope is open any more: nothing disposes it
        Assert.Equal(0, outer.Count);
        Assert.Equal(0, inner.Count);
        Assert.False(d.IsInvalid);
    }

    [Fact]
    public void MovingOutOfAScopeWhoseOuterWasDisposedGoesToTheNearestOpenScope()
    {
        using var outermost = NewDisposeScope();
        var middle = NewDisposeScope();
        var inner = NewDisposeScope();
        middle.Dispose();
        var t = ones(2).MoveToOuterDisposeScope();
        inner.Dispose();
        Assert.False(t.IsInvalid);
        Assert.Equal(1, outermost.Count);
    }

    [Fact]
    public void ATensorOfAnotherScopeCannotBeMovedThroughThisOne()
    {
        using var first = NewDisposeScope();
        var t = ones(2);
        using var second = NewDisposeScope();
        var e = Assert.Throws<InvalidOperationException>(() => second.MoveToOuter(t));
        Assert.Contains("does not belong", e.Message);
    }

    /// <summary>
    /// A scope opened without <c>using</c> and never disposed stays current, but refers to its tensors
    /// weakly: once the program drops a tensor, the collector frees it as if no scope were open.
    /// </summary>
    [Fact]
    public void AForgottenScopeDoesNotKeepDroppedTensorsAlive()
    {
        var forgotten = NewDisposeScope();
        try
        {
            var dropped = MakeAndDrop();
            GC.Collect();
            GC.WaitForPendingFinalizers();
            Assert.False(dropped.IsAlive);
            Assert.Equal(0, forgotten.Count);

            var kept = ones(2);
            Assert.Equal(1, forgotten.Count);
            GC.KeepAlive(kept);
        }
        finally
        {
            forgotten.Dispose();
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference MakeAndDrop() => new(randn(1024));

    /// <summary>
    /// 300 steps that each open a scope and forget it, making a 4 MiB temporary: with scopes holding
    /// their tensors strongly this pinned all of them (1.2 GiB); now resident memory stays within
    /// the native memory budget's headroom.
    /// </summary>
    [Fact]
    public void ForgottenScopesInALoopKeepMemoryBounded()
    {
        ResidentMemory.Settle();
        var before = ResidentMemory.Bytes();
        var scopes = new List<DisposeScope>();
        try
        {
            var peak = ResidentMemory.PeakDuring(300, step =>
            {
                scopes.Add(NewDisposeScope());                     // never disposed inside the loop
                var temporary = randn(1024, 1024) * 2;              // 4 MiB each
                _ = temporary.sum();
            });
            var growth = peak - before;
            Assert.True(growth < 512L << 20,
                $"300 forgotten scopes with 4 MiB temporaries grew resident memory by {ResidentMemory.MiB(growth)} (bound 512 MiB; pinned, it would be 1200 MiB or more)");
        }
        finally
        {
            for (var k = scopes.Count - 1; k >= 0; k--) scopes[k].Dispose();
        }
    }

    [Fact]
    public void ScopesOpenedOnOtherThreadsDoNotLeakIntoThisOne()
    {
        using var here = NewDisposeScope();
        var thread = new Thread(() =>
        {
            var there = NewDisposeScope();                  // forgotten on a thread of its own
            using var t = ones(2);
            GC.KeepAlive(there);
        });
        thread.Start();
        thread.Join();
        var mine = ones(2);
        Assert.Equal(1, here.Count);
        GC.KeepAlive(mine);
    }
}
