using static CourseKit.torch;

namespace CourseKit.Exercises;

/// <summary>
/// Assertions for the test cells of exercises: each throws <see cref="ExpectationFailed"/> with a message
/// for the student when it does not hold, so a graded test cell fails (and earns no points) exactly
/// when one of its expectations fails. They know no exercise: the cases and the expected values are
/// written in the test cells themselves (the hidden ones are removed from the student release).
/// </summary>
public static class Expect
{
    /// <summary>Calls the student's function; "not implemented yet" when it still throws <see cref="NotImplementedException"/>, a message naming <paramref name="what"/> for a null or disposed result.</summary>
    public static Tensor Returns(Func<Tensor?> call, string what)
    {
        ArgumentNullException.ThrowIfNull(call);
        Tensor? result;
        try { result = call(); }
        catch (NotImplementedException) { throw new ExpectationFailed($"{what}: {StudentCode.NotImplemented}"); }
        if (result is null) throw new ExpectationFailed($"{what} returned null: return a tensor");
        if (result.IsInvalid) throw new ExpectationFailed($"{what} returned a disposed tensor: do not dispose the tensor you return");
        return result;
    }

    /// <summary>That <paramref name="actual"/> has <paramref name="shape"/>.</summary>
    public static void Shape(Tensor actual, long[] shape, string what)
    {
        ArgumentNullException.ThrowIfNull(actual);
        if (!actual.shape.SequenceEqual(shape))
            throw new ExpectationFailed($"{what}: expected shape {TensorText.Shape(shape)}, got {TensorText.Shape(actual)}");
    }

    /// <summary>That <paramref name="actual"/> has the shape of <paramref name="expected"/> and its values are within <paramref name="tolerance"/> (default <see cref="Tolerance.Default"/>).</summary>
    public static void Close(Tensor actual, Tensor expected, string what, Tolerance? tolerance = null)
    {
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentNullException.ThrowIfNull(expected);
        Shape(actual, expected.shape, what);
        var tol = tolerance ?? Tolerance.Default;
        if (tol.Close(actual, expected)) return;
        var a = TensorText.Values(actual);
        var e = TensorText.Values(expected);
        var worst = Enumerable.Range(0, a.Length).MaxBy(i => double.IsFinite(a[i]) ? Math.Abs(a[i] - e[i]) : double.PositiveInfinity);
        throw new ExpectationFailed($"{what}: the values are not within {tol} of the expected ones " +
                                    $"(at index {worst}: got {TensorText.Number(a[worst])}, expected {TensorText.Number(e[worst])})");
    }

    /// <summary>That <paramref name="actual"/> is part of the autograd graph, as it must be for the loss to train the model.</summary>
    public static void RequiresGrad(Tensor actual, string what)
    {
        ArgumentNullException.ThrowIfNull(actual);
        if (!actual.requires_grad)
            throw new ExpectationFailed($"{what} does not require a gradient: it was detached from its inputs (detach(), no_grad(), a copy through .ToArray() or a new tensor), so training could not follow it back");
    }

    /// <summary>That <paramref name="condition"/> holds; else fails with <paramref name="message"/>.</summary>
    public static void That(bool condition, string message)
    {
        if (!condition) throw new ExpectationFailed(message);
    }

    /// <summary>
    /// Runs the visible test <paramref name="test"/> of an exercise for display: "✓ passed" with
    /// <paramref name="passed"/>, or "✗ not yet" with the first failed expectation (or the exception of
    /// the student's code), never throwing, so that a notebook goes on running.
    /// </summary>
    public static CheckResult Check(string exercise, string passed, Action test)
    {
        ArgumentNullException.ThrowIfNull(test);
        using var scope = NewDisposeScope();
        try
        {
            test();
            return CheckResult.Pass(exercise, passed);
        }
        catch (ExpectationFailed e) { return CheckResult.Fail(exercise, e.Message); }
        catch (NotImplementedException) { return CheckResult.Fail(exercise, StudentCode.NotImplemented); }
        catch (Exception e) { return CheckResult.Fail(exercise, $"your function threw {e.GetType().Name}: {e.Message}"); }
    }
}
