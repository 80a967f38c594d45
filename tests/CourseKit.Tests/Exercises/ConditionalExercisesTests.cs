using CourseKit.Exercises;
using static CourseKit.torch.nn.functional;

namespace CourseKit.Tests.Exercises;

/// <summary>The conditional notebook's checks: right answers pass, typical mistakes get their hints.</summary>
public sealed class ConditionalExercisesTests
{
    private static Tensor Gate(Tensor features, Tensor y, Tensor v, bool withBias = true, bool swapped = false)
    {
        var h = (withBias ? features + y.matmul(v).unsqueeze(2).unsqueeze(3) : features).chunk(2, 1);
        return swapped ? h[1].tanh() * h[0].sigmoid() : h[0].tanh() * h[1].sigmoid();
    }

    [Fact]
    public void RightAnswersPass()
    {
        var gate = ConditionalExercises.CheckConditionalGate((f, y, v) => Gate(f, y, v));
        Assert.True(gate.Passed, gate.ToString());
        var loss = ConditionalExercises.CheckPix2PixGeneratorLoss((d, o, t) => softplus(d.neg()).mean() + (o - t).abs().mean() * 100);
        Assert.True(loss.Passed, loss.ToString());
    }

    [Fact]
    public void MistakesGetTheirHints()
    {
        Assert.Contains("ignores the label", ConditionalExercises.CheckConditionalGate((f, y, v) => Gate(f, y, v, withBias: false)).Hint);
        Assert.Contains("swapped", ConditionalExercises.CheckConditionalGate((f, y, v) => Gate(f, y, v, swapped: true)).Hint);
        Assert.Contains("broadcast", ConditionalExercises.CheckConditionalGate((f, y, v) => y.matmul(v)).Hint);
        Assert.Contains("λ = 100", ConditionalExercises.CheckPix2PixGeneratorLoss((d, o, t) => softplus(d.neg()).mean() + (o - t).abs().mean()).Hint);
        Assert.Contains("squared error", ConditionalExercises.CheckPix2PixGeneratorLoss((d, o, t) => softplus(d.neg()).mean() + (o - t).square().mean() * 100).Hint);
        Assert.Contains("saturating form", ConditionalExercises.CheckPix2PixGeneratorLoss((d, o, t) => softplus(d).mean().neg() + (o - t).abs().mean() * 100).Hint);
        Assert.Contains("NaN or infinity", ConditionalExercises.CheckPix2PixGeneratorLoss((d, o, t) => d.sigmoid().log().mean().neg() + (o - t).abs().mean() * 100).Hint);
        Assert.Equal("not implemented yet: replace the `throw` with your code",
            ConditionalExercises.CheckPix2PixGeneratorLoss((_, _, _) => throw new NotImplementedException()).Message);
    }
}
