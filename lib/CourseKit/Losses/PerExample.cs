using static CourseKit.torch;

namespace CourseKit.Losses;

/// <summary>Shape checks and the per-example sum shared by the losses of this namespace.</summary>
internal static class PerExample
{
    /// <summary>Sums every dimension but the first: (B, ...) to (B).</summary>
    public static Tensor Sum(Tensor t) =>
        t.dim() == 1 ? t.clone() : t.sum(Enumerable.Range(1, (int)t.dim() - 1).Select(d => (long)d).ToArray());

    /// <summary>The number of values in one example of a batch (B, ...): the product of every dimension but the first.</summary>
    public static long Dimensions(Tensor t) => t.shape.Skip(1).Aggregate(1L, (n, d) => n * d);

    public static string Shape(Tensor t) => $"[{string.Join(", ", t.shape)}]";

    /// <summary>Throws unless <paramref name="t"/> has a batch dimension and at least one more: (B, ...).</summary>
    public static void RequireBatched(string function, string name, Tensor t, string expected)
    {
        ArgumentNullException.ThrowIfNull(t, name);
        if (t.dim() < 2)
            throw new ArgumentException(
                $"{function}: {name} must have shape {expected} (a batch dimension first, then at least one more), got {Shape(t)}");
    }

    /// <summary>Throws unless <paramref name="a"/> and <paramref name="b"/> have the same shape.</summary>
    public static void RequireSameShape(string function, string nameA, Tensor a, string nameB, Tensor b)
    {
        ArgumentNullException.ThrowIfNull(a, nameA);
        ArgumentNullException.ThrowIfNull(b, nameB);
        if (!a.shape.SequenceEqual(b.shape))
            throw new ArgumentException(
                $"{function}: {nameA} and {nameB} must have the same shape, got {nameA} {Shape(a)} and {nameB} {Shape(b)}");
    }

    /// <summary>Throws unless <paramref name="t"/> is one value per example, (B), for a batch of <paramref name="batch"/>.</summary>
    public static void RequirePerExample(string function, string name, Tensor t, long batch, string batchSource)
    {
        ArgumentNullException.ThrowIfNull(t, name);
        if (t.dim() != 1 || t.size(0) != batch)
            throw new ArgumentException(
                $"{function}: {name} must hold one value per example, shape [{batch}] to match {batchSource}, got {Shape(t)}");
    }
}
