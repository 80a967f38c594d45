using CourseKit.Exercises;
using static CourseKit.torch;

namespace CourseKit.Tests.Exercises;

/// <summary>The assertions of exercise test cells: each passes silently or throws <see cref="ExpectationFailed"/> saying what is wrong.</summary>
public sealed class ExpectTests
{
    [Fact]
    public void CloseValuesPassAndFarOnesNameTheWorstIndex()
    {
        using var scope = NewDisposeScope();
        Expect.Close(tensor(new float[] { 1f, 2f }), tensor(new double[] { 1.00001, 2 }), "f");

        var e = Assert.Throws<ExpectationFailed>(() => Expect.Close(tensor(new float[] { 1f, 5f }), tensor(new double[] { 1, 2 }), "f"));

        Assert.Equal("f: the values are not within rtol 0.0001, atol 0.0001 of the expected ones (at index 1: got 5, expected 2)", e.Message);
    }

    [Fact]
    public void WrongShapeIsNamed()
    {
        using var scope = NewDisposeScope();
        var e = Assert.Throws<ExpectationFailed>(() => Expect.Close(zeros(2, 1), zeros(2), "Kl"));

        Assert.Equal("Kl: expected shape [2], got [2, 1]", e.Message);
    }

    [Fact]
    public void DetachedResultFailsRequiresGrad()
    {
        using var scope = NewDisposeScope();
        var x = ones([3], requires_grad: true);
        Expect.RequiresGrad(x * 2, "y");

        Assert.Throws<ExpectationFailed>(() => Expect.RequiresGrad((x * 2).detach(), "y"));
    }

    [Fact]
    public void NotImplementedReadsNotImplementedYet()
    {
        var e = Assert.Throws<ExpectationFailed>(() => Expect.Returns(() => throw new NotImplementedException(), "Kl"));

        Assert.Equal("Kl: not implemented yet: replace the `throw` with your code", e.Message);
    }

    [Fact]
    public void CheckTurnsFailuresIntoNotYetAndNeverThrows()
    {
        var passed = Expect.Check("sum", "adds up", () => Expect.That(1 + 1 == 2, "arithmetic"));
        var failed = Expect.Check("sum", "adds up", () => Expect.That(false, "the rows do not sum to 1"));
        var crashed = Expect.Check("sum", "adds up", () => throw new InvalidOperationException("boom"));

        Assert.True(passed.Passed);
        Assert.Equal("✗ not yet: sum. the rows do not sum to 1", failed.ToString());
        Assert.Equal("✗ not yet: sum. your function threw InvalidOperationException: boom", crashed.ToString());
    }
}
