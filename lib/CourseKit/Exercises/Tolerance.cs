using System.Globalization;
using static CourseKit.torch;

namespace CourseKit.Exercises;

/// <summary>
/// How close a student's values must be to the reference: elementwise
/// |actual - expected| ≤ Absolute + Relative · |expected|, as <c>torch.allclose</c>.
/// NaN and infinite values never count as close.
/// </summary>
/// <param name="Relative">The relative tolerance (rtol).</param>
/// <param name="Absolute">The absolute tolerance (atol), in the unit of the values.</param>
public sealed record Tolerance(double Relative, double Absolute)
{
    /// <summary>
    /// rtol 1e-4, atol 1e-4: a float32 computation of sums of a few hundred terms of order 1
    /// stays well inside it (float32 has about 7 significant digits), a missing factor or
    /// term does not.
    /// </summary>
    public static Tolerance Default { get; } = new(1e-4, 1e-4);

    /// <summary>Whether <paramref name="actual"/> has the shape of <paramref name="expected"/> and every value is close.</summary>
    public bool Close(Tensor actual, Tensor expected)
    {
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentNullException.ThrowIfNull(expected);
        if (!actual.shape.SequenceEqual(expected.shape)) return false;
        var a = TensorText.Values(actual);
        var e = TensorText.Values(expected);
        for (var i = 0; i < a.Length; i++)
            if (!double.IsFinite(a[i]) || !(Math.Abs(a[i] - e[i]) <= Absolute + Relative * Math.Abs(e[i]))) return false;
        return true;
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"rtol {Relative:G3}, atol {Absolute:G3}");
}
