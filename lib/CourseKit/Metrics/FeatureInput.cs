using CourseKit.Native;
using static CourseKit.torch;

namespace CourseKit.Metrics;

/// <summary>Checks and converts the feature matrices the metrics take: (N, D), any floating dtype, to float64.</summary>
internal static class FeatureInput
{
    /// <summary>
    /// <paramref name="features"/> (N, D) as float64 on its own device; images or other (N, ...) inputs are
    /// flattened to (N, D) when <paramref name="flatten"/>. Raises an <see cref="ArgumentException"/> naming
    /// <paramref name="caller"/> for a null, disposed, non-floating, non-finite or too small input.
    /// </summary>
    public static Tensor AsFloat64(Tensor features, string caller, string name, long minimumRows, bool flatten = false)
    {
        if (features is null) throw new ArgumentNullException(name, $"{caller}: {name} is null");
        if (features.IsInvalid) throw new ArgumentException($"{caller}: {name} has been disposed", name);
        var shape = features.shape;
        if (flatten ? shape.Length < 2 : shape.Length != 2)
            throw new ArgumentException(
                $"{caller}: {name} must have shape {(flatten ? "(N, ...)" : "(N, D)")}, got [{string.Join(", ", shape)}]", name);
        if (!features.is_floating_point())
            throw new ArgumentException($"{caller}: {name} must be floating point, got {features.dtype}", name);
        if (shape[0] < minimumRows)
            throw new ArgumentException($"{caller}: {name} needs at least {minimumRows} rows, got {shape[0]}", name);
        using var scope = NewDisposeScope();
        var x = features.flatten(1).to(float64);                               // (N, D) float64
        if (!Dispatch.Tensor("aten::isfinite", "", x).all().item<bool>())
            throw new ArgumentException($"{caller}: {name} contains NaN or infinite values", name);
        return x.MoveToOuterDisposeScope();
    }

    /// <summary>Raises when two feature sets have different widths D.</summary>
    public static void RequireSameWidth(Tensor a, Tensor b, string caller)
    {
        if (a.size(1) != b.size(1))
            throw new ArgumentException(
                $"{caller}: the two feature sets must have the same width D, got {a.size(1)} and {b.size(1)}");
    }
}
