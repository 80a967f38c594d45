using static CourseKit.torch;

namespace CourseKit.Exercises;

/// <summary>
/// A diagnostic rule: when <see cref="Applies"/> holds for a failed attempt, <see cref="Text"/>
/// explains the likely mistake. A check tries its rules in order and shows the first that applies.
/// Texts describe the idea ("σ = exp(logvar / 2)"); they never contain the reference code.
/// </summary>
public sealed record Hint(string Text, Func<Attempt, bool> Applies)
{
    /// <summary>
    /// A rule for a typical mistake written as code: it applies when the student's output matches,
    /// within the check's tolerance, what <paramref name="mistake"/> computes from the case's inputs.
    /// </summary>
    public static Hint WhenOutputMatches(string text, Func<IReadOnlyList<Tensor>, Tensor> mistake)
    {
        ArgumentNullException.ThrowIfNull(mistake);
        return new Hint(text, attempt =>
        {
            using var scope = NewDisposeScope();
            var wrong = mistake(attempt.Case.Inputs);
            return attempt.Tolerance.Close(attempt.Output, wrong);
        });
    }

    /// <summary>A rule on the output's shape: <paramref name="applies"/> gets (actual, expected).</summary>
    public static Hint WhenShape(string text, Func<long[], long[], bool> applies)
    {
        ArgumentNullException.ThrowIfNull(applies);
        return new Hint(text, attempt => applies(attempt.Output.shape, attempt.Expected.shape));
    }

    /// <summary>The text of the first rule in <paramref name="hints"/> that applies, or null.</summary>
    internal static string? FirstApplying(IEnumerable<Hint> hints, Attempt attempt) =>
        hints.FirstOrDefault(h => h.Applies(attempt))?.Text;
}
