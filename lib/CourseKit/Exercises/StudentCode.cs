using static CourseKit.torch;

namespace CourseKit.Exercises;

/// <summary>Calls a student's function so that nothing it throws escapes a check.</summary>
internal static class StudentCode
{
    public const string NotImplemented = "not implemented yet: replace the `throw` with your code";

    /// <summary>
    /// Runs <paramref name="call"/>; on an exception (or a null result) returns null and sets
    /// <paramref name="failure"/> to a failed result that names the exception and the arguments.
    /// </summary>
    public static Tensor? Call(string exercise, Func<Tensor?> call, string arguments, out CheckResult? failure)
    {
        failure = null;
        Tensor? output;
        try
        {
            output = call();
        }
        catch (NotImplementedException)
        {
            failure = CheckResult.Fail(exercise, NotImplemented);
            return null;
        }
        catch (Exception e)
        {
            failure = CheckResult.Fail(exercise, $"your function threw {e.GetType().Name}: {e.Message}",
                e is TorchException
                    ? "the message names the tensor operation that failed and the shapes it was given: compare them with the shapes in the comments of the exercise"
                    : null,
                $"called with {arguments}");
            return null;
        }
        if (output is null) failure = CheckResult.Fail(exercise, "your function returned null: return a tensor", details: $"called with {arguments}");
        else if (output.IsInvalid) failure = CheckResult.Fail(exercise, "your function returned a disposed tensor: do not dispose the tensor you return", details: $"called with {arguments}");
        return failure is null ? output : null;
    }
}
