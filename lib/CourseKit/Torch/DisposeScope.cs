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

/// <summary>A set of tensors disposed together; see <see cref="torch.NewDisposeScope"/>.</summary>
public sealed class DisposeScope : IDisposable
{
    private static readonly AsyncLocal<DisposeScope?> Innermost = new();
    private readonly HashSet<torch.Tensor> tensors = new(ReferenceEqualityComparer.Instance);
    private readonly DisposeScope? outer;
    private bool disposed;

    internal DisposeScope()
    {
        outer = Innermost.Value;
        Innermost.Value = this;
    }

    internal static DisposeScope? Current => Innermost.Value;

    /// <summary>How many live tensors the scope holds.</summary>
    public int Count => tensors.Count;

    internal void Add(torch.Tensor tensor) => tensors.Add(tensor);

    internal void Remove(torch.Tensor tensor) => tensors.Remove(tensor);

    /// <summary>Moves <paramref name="tensor"/> to the enclosing scope (or out of all scopes) and returns it.</summary>
    public torch.Tensor MoveToOuter(torch.Tensor tensor)
    {
        tensor.MoveToOuterDisposeScope();
        return tensor;
    }

    /// <summary>Disposes every tensor still in the scope and makes the enclosing scope current again.</summary>
    public void Dispose()
    {
        if (disposed) return;
        disposed = true;
        foreach (var t in tensors.ToArray()) t.DisposeFromScope();
        tensors.Clear();
        if (ReferenceEquals(Innermost.Value, this)) Innermost.Value = outer;
    }

    internal DisposeScope? Outer => outer;
}
