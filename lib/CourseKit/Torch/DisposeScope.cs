using System.Runtime.InteropServices;

namespace CourseKit;

public static partial class torch
{
    /// <summary>
    /// Opens a dispose scope: every tensor created until the scope is disposed is disposed with it,
    /// except those moved out (<see cref="Tensor.MoveToOuterDisposeScope"/>) or detached
    /// (<see cref="Tensor.DetachFromDisposeScope"/>). Training loops open one per step so native
    /// memory is released deterministically, not whenever the GC runs finalizers.
    /// </summary>
    public static DisposeScope NewDisposeScope() => new();
}

/// <summary>
/// A set of tensors disposed together; see <see cref="torch.NewDisposeScope"/>.
/// <para>
/// The scope refers to its tensors weakly: it can dispose those still reachable, but does not keep
/// any alive. So a scope that is never disposed (a <c>NewDisposeScope()</c> without <c>using</c>)
/// costs nothing worse than code without scopes: its unreachable tensors are collected as usual.
/// </para>
/// <para>
/// Scopes should be disposed innermost first (<c>using</c> does that). Disposed out of order, a
/// scope still disposes exactly its own tensors, and no tensor created later is ever put into a
/// disposed scope: new tensors go to the innermost scope that is still open.
/// </para>
/// </summary>
public sealed class DisposeScope : IDisposable
{
    /// <summary>Entries kept before dead ones are swept out (then the sweep threshold doubles with the live count).</summary>
    private const int FirstSweepAt = 256;

    private static readonly AsyncLocal<DisposeScope?> Innermost = new();

    /// <summary>Weak handles to the tensors attached to this scope; a freed slot is default.</summary>
    private readonly List<GCHandle> entries = [];
    private readonly DisposeScope? outer;
    private int sweepAt = FirstSweepAt;
    private bool disposed;

    internal DisposeScope()
    {
        outer = Current;
        Innermost.Value = this;
    }

    /// <summary>The innermost scope still open in this logical call, skipping any disposed out of order.</summary>
    internal static DisposeScope? Current => OpenFrom(Innermost.Value);

    /// <summary>The scope a tensor moves to from this one: the nearest enclosing scope still open.</summary>
    internal DisposeScope? Outer => OpenFrom(outer);

    /// <summary>True once the scope was disposed.</summary>
    public bool IsDisposed => Volatile.Read(ref disposed);

    /// <summary>How many tensors the scope would dispose now (live, not yet disposed, not moved out).</summary>
    public int Count
    {
        get
        {
            lock (entries)
            {
                var n = 0;
                foreach (var e in entries)
                    if (Owned(e) is not null) n++;
                return n;
            }
        }
    }

    private static DisposeScope? OpenFrom(DisposeScope? scope)
    {
        while (scope is { IsDisposed: true }) scope = scope.outer;
        return scope;
    }

    /// <summary>The tensor of entry <paramref name="e"/> if it is alive, undisposed and still this scope's.</summary>
    private torch.Tensor? Owned(GCHandle e) =>
        e.IsAllocated && e.Target is torch.Tensor { IsInvalid: false } t && ReferenceEquals(t.Scope, this) ? t : null;

    /// <summary>Makes this scope responsible for <paramref name="tensor"/> (or the nearest open outer scope, once disposed).</summary>
    internal void Attach(torch.Tensor tensor)
    {
        lock (entries)
        {
            if (disposed)
            {
                Outer?.Attach(tensor);
                return;
            }
            if (entries.Count >= sweepAt) Sweep();
            tensor.Scope = this;
            tensor.ScopeSlot = entries.Count;
            entries.Add(GCHandle.Alloc(tensor, GCHandleType.Weak));
        }
    }

    /// <summary>Takes <paramref name="tensor"/> out of this scope: it is no longer disposed with it.</summary>
    internal void Remove(torch.Tensor tensor)
    {
        lock (entries)
        {
            if (!ReferenceEquals(tensor.Scope, this)) return;
            var slot = tensor.ScopeSlot;
            if (slot < entries.Count && entries[slot].IsAllocated && ReferenceEquals(entries[slot].Target, tensor))
            {
                entries[slot].Free();
                entries[slot] = default;
            }
            tensor.Scope = null;
        }
    }

    /// <summary>Moves <paramref name="tensor"/> to the enclosing open scope (or out of all scopes) and returns it.</summary>
    public torch.Tensor MoveToOuter(torch.Tensor tensor)
    {
        if (!ReferenceEquals(tensor.Scope, this))
            throw new InvalidOperationException("MoveToOuter: the tensor does not belong to this dispose scope.");
        Remove(tensor);
        Outer?.Attach(tensor);
        return tensor;
    }

    /// <summary>
    /// Drops the entries of tensors that were collected, disposed or moved out, renumbering the rest,
    /// so a long-lived scope (one never disposed, say) holds entries only for its live tensors.
    /// </summary>
    private void Sweep()
    {
        var kept = 0;
        for (var k = 0; k < entries.Count; k++)
        {
            var e = entries[k];
            if (Owned(e) is { } t)
            {
                t.ScopeSlot = kept;
                entries[kept++] = e;
            }
            else if (e.IsAllocated)
            {
                e.Free();
            }
        }
        entries.RemoveRange(kept, entries.Count - kept);
        sweepAt = Math.Max(FirstSweepAt, 2 * kept);
    }

    /// <summary>
    /// Disposes every tensor still in the scope. If the scope is the innermost one, the enclosing open
    /// scope becomes current again; if scopes opened inside it are still open, they stay current and
    /// keep their own tensors until they are disposed.
    /// </summary>
    public void Dispose()
    {
        lock (entries)
        {
            if (disposed) return;
            Volatile.Write(ref disposed, true);
            foreach (var e in entries)
            {
                if (Owned(e) is { } t)
                {
                    t.Scope = null;
                    t.Dispose();
                }
                if (e.IsAllocated) e.Free();
            }
            entries.Clear();
        }
        if (ReferenceEquals(Innermost.Value, this)) Innermost.Value = Outer;
    }
}
