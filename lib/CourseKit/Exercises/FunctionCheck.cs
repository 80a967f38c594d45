using static CourseKit.torch;

namespace CourseKit.Exercises;

/// <summary>
/// Checks a student's tensor function against a reference on fixed inputs, in this order:
/// <list type="number">
/// <item>it runs on every case (a <see cref="NotImplementedException"/> reads "not implemented yet";
/// any other exception is reported with its type and message);</item>
/// <item>its output has the reference's shape (else the first matching <see cref="ShapeHints"/> rule explains);</item>
/// <item>its values match within <see cref="Tolerance"/> (else the first matching <see cref="ValueHints"/> rule explains).</item>
/// </list>
/// The reference runs on the float64 originals of the inputs, the student's function on copies in
/// <see cref="StudentDtype"/>, so nothing the student does to its arguments reaches the reference.
/// Every tensor made during the check is released when it ends.
/// </summary>
/// <param name="Exercise">The exercise's name, shown in the result.</param>
/// <param name="ArgumentNames">The names of the function's arguments, for messages, e.g. ["mu", "logvar"].</param>
/// <param name="Reference">The reference implementation (library code, never shown).</param>
public sealed record FunctionCheck(string Exercise, IReadOnlyList<string> ArgumentNames, Func<IReadOnlyList<Tensor>, Tensor> Reference)
{
    /// <summary>The fixed inputs, tried in order.</summary>
    public IReadOnlyList<CheckCase> Cases { get; init; } = [];

    /// <summary>How close the values must be.</summary>
    public Tolerance Tolerance { get; init; } = Tolerance.Default;

    /// <summary>The dtype of the copies of the inputs that the student's function gets (float32, as in the notebooks).</summary>
    public ScalarType StudentDtype { get; init; } = ScalarType.Float32;

    /// <summary>
    /// Positions of arguments that hold integers (steps, indices, labels): the student gets them as int64, not in
    /// <see cref="StudentDtype"/>.
    /// </summary>
    public IReadOnlySet<int> Int64Arguments { get; init; } = new HashSet<int>();

    /// <summary>What the output should be, for the shape message, e.g. "one value per example".</summary>
    public string? OutputDescription { get; init; }

    /// <summary>Rules tried when the output's shape is wrong.</summary>
    public IReadOnlyList<Hint> ShapeHints { get; init; } = [];

    /// <summary>Rules tried when the values are wrong (or not finite).</summary>
    public IReadOnlyList<Hint> ValueHints { get; init; } = [];

    /// <summary>Runs the check on <paramref name="student"/>, which gets the arguments in the order of <see cref="ArgumentNames"/>.</summary>
    public CheckResult Run(Func<IReadOnlyList<Tensor>, Tensor> student)
    {
        ArgumentNullException.ThrowIfNull(student);
        if (Cases.Count == 0) throw new InvalidOperationException($"FunctionCheck '{Exercise}': no cases to check");
        using var scope = NewDisposeScope();

        var outputs = new Tensor[Cases.Count];
        for (var k = 0; k < Cases.Count; k++)
        {
            var inputs = Cases[k].Inputs.Select((t, i) => t.clone().to(DtypeOf(i))).ToArray();
            var output = StudentCode.Call(Exercise, () => student(inputs), Arguments(Cases[k]), out var failure);
            if (output is null) return failure!;
            outputs[k] = output.detach().to(float64, CPU);
        }

        var attempts = Cases.Select((c, k) => new Attempt(c, outputs[k], Reference(c.Inputs).detach(), Tolerance)).ToArray();
        foreach (var attempt in attempts.Where(a => !a.Output.shape.SequenceEqual(a.Expected.shape)))
            return CheckResult.Fail(Exercise,
                $"wrong shape: expected {TensorText.Shape(attempt.Expected)}{(OutputDescription is null ? "" : $" ({OutputDescription})")}, you returned {TensorText.Shape(attempt.Output)}",
                Hint.FirstApplying(ShapeHints, attempt),
                $"case: {attempt.Case.Description}\ncalled with {Arguments(attempt.Case)}");
        foreach (var attempt in attempts.Where(a => !Tolerance.Close(a.Output, a.Expected)))
            return CheckResult.Fail(Exercise,
                attempt.HasNonFinite
                    ? $"your result contains NaN or infinity for: {attempt.Case.Description}"
                    : $"wrong values for: {attempt.Case.Description}",
                Hint.FirstApplying(ValueHints, attempt),
                $"called with {Arguments(attempt.Case)}\nexpected {TensorText.List(attempt.Expected)}\nyou gave {TensorText.List(attempt.Output)}\n(tolerance: {Tolerance})");
        return CheckResult.Pass(Exercise, $"your function matches the reference on all {Cases.Count} test cases ({Tolerance}).");
    }

    private ScalarType DtypeOf(int argument) => Int64Arguments.Contains(argument) ? ScalarType.Int64 : StudentDtype;

    private string Arguments(CheckCase c) =>
        string.Join(", ", c.Inputs.Select((t, i) => TensorText.Arguments([ArgumentNames[i]], [t], DtypeOf(i))));
}
