using CourseKit.Exercises;

namespace CourseKit.Tests.Exercises;

/// <summary>The generic engine: exceptions, shapes, values, hints, and what the student's function may not disturb.</summary>
public sealed class FunctionCheckTests
{
    /// <summary>Sum of squares per row: (B, D) to (B).</summary>
    private static FunctionCheck SumOfSquares() => new("sum of squares", ["x"], a => a[0].square().sum(1))
    {
        Cases =
        [
            new("two rows", [tensor(new double[] { 1, 2, 3, -1, 0, 2 }, [2, 3], float64)]),
            new("three rows", [tensor(new double[] { 0.5, 0.5, 1, 1, -2, 0 }, [3, 2], float64)]),
        ],
        OutputDescription = "one value per row",
        ShapeHints = [Hint.WhenShape("keep one value per row", (actual, _) => actual.Length == 0)],
        ValueHints =
        [
            Hint.WhenOutputMatches("you forgot to square", a => a[0].sum(1)),
            new("negative!", attempt => attempt.HasNegative),
        ],
    };

    [Fact]
    public void CorrectFunctionPasses()
    {
        var result = SumOfSquares().Run(a => (a[0] * a[0]).sum(1));

        Assert.True(result.Passed, result.ToString());
        Assert.Equal("your function matches the reference on all 2 test cases (rtol 0.0001, atol 0.0001).", result.Message);
    }

    [Fact]
    public void NotImplementedSaysSo()
    {
        var result = SumOfSquares().Run(_ => throw new NotImplementedException());

        Assert.False(result.Passed);
        Assert.Equal("not implemented yet: replace the `throw` with your code", result.Message);
    }

    [Fact]
    public void TorchExceptionIsReportedWithTheOperatorAndShapes()
    {
        var result = SumOfSquares().Run(a => a[0].mm(a[0]));

        Assert.False(result.Passed);
        Assert.StartsWith("your function threw TorchException: aten::mm", result.Message);
        Assert.Contains("[2, 3]", result.Message);
        Assert.Contains("names the tensor operation", result.Hint);
        Assert.Equal("called with x [2, 3] float32", result.Details);
    }

    [Fact]
    public void OtherExceptionsAndNullAreReported()
    {
        var thrown = SumOfSquares().Run(_ => throw new InvalidOperationException("oops"));
        var nothing = SumOfSquares().Run(_ => null!);

        Assert.Equal("your function threw InvalidOperationException: oops", thrown.Message);
        Assert.Equal("your function returned null: return a tensor", nothing.Message);
    }

    [Fact]
    public void ShapeIsCheckedBeforeValues()
    {
        var result = SumOfSquares().Run(a => a[0].sum());

        Assert.False(result.Passed);
        Assert.Equal("wrong shape: expected [2] (one value per row), you returned [] (a scalar)", result.Message);
        Assert.Equal("keep one value per row", result.Hint);
    }

    [Fact]
    public void WrongValuesGetTheFirstHintThatApplies()
    {
        var forgot = SumOfSquares().Run(a => a[0].sum(1));
        var negative = SumOfSquares().Run(a => -a[0].square().sum(1));
        var unknown = SumOfSquares().Run(a => a[0].square().sum(1) + 1.0);

        Assert.Equal("wrong values for: two rows", forgot.Message);
        Assert.Equal("you forgot to square", forgot.Hint);
        Assert.Contains("expected [14, 5]\nyou gave [6, 1]", forgot.Details);
        Assert.Equal("negative!", negative.Hint);
        Assert.Null(unknown.Hint);
        Assert.False(unknown.Passed);
    }

    [Fact]
    public void NanIsNeverClose()
    {
        var result = SumOfSquares().Run(a => a[0].square().sum(1) * double.NaN);

        Assert.Equal("your result contains NaN or infinity for: two rows", result.Message);
    }

    [Fact]
    public void StudentGetsFloat32CopiesSoInPlaceChangesDoNotReachTheReference()
    {
        ScalarType? seen = null;
        var result = SumOfSquares().Run(a =>
        {
            seen = a[0].dtype;
            var answer = a[0].square().sum(1);
            a[0].mul_(100.0);                                                     // scribbles on its argument
            return answer;
        });

        Assert.True(result.Passed, result.ToString());
        Assert.Equal(float32, seen);
    }

    [Fact]
    public void CheckReleasesEveryTensorItMakes()
    {
        using var outer = NewDisposeScope();
        var check = SumOfSquares();
        var before = outer.Count;

        check.Run(a => a[0].sum(1));

        Assert.Equal(before, outer.Count);
    }
}
