using static CourseKit.torch;

namespace CourseKit.Exercises;

/// <summary>
/// What a diagnostic rule (<see cref="Hint"/>) looks at: the student's output on one case and the
/// reference's, both detached and in float64, and the tolerance of the check.
/// </summary>
/// <param name="Case">The case; its inputs are the float64 originals.</param>
/// <param name="Output">The student's output.</param>
/// <param name="Expected">The reference output.</param>
/// <param name="Tolerance">The tolerance the values are compared with.</param>
public sealed record Attempt(CheckCase Case, Tensor Output, Tensor Expected, Tolerance Tolerance)
{
    /// <summary>Whether any output value is negative beyond the absolute tolerance.</summary>
    public bool HasNegative => TensorText.Values(Output).Any(v => v < -Tolerance.Absolute);

    /// <summary>Whether any output value is NaN or infinite.</summary>
    public bool HasNonFinite => TensorText.Values(Output).Any(v => !double.IsFinite(v));
}
