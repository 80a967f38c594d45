using CourseKit.Exercises;
using static CourseKit.torch.nn.functional;

namespace CourseKit.Tests.Exercises;

/// <summary>The GAN notebook's checks: right answers pass, typical mistakes get their hints.</summary>
public sealed class GanExercisesTests
{
    private static Tensor Penalty(Func<Tensor, Tensor> critic, Tensor real, Tensor fake, Tensor eps, bool createGraph = true,
        bool squared = false, double lambda = 10)
    {
        long[] shape = [real.size(0), .. Enumerable.Repeat(1L, (int)real.dim() - 1)];
        var e = eps.reshape(shape);
        var mixed = (e * real + (1 - e) * fake).requires_grad_();
        var g = autograd.grad(critic(mixed).sum(), mixed, create_graph: createGraph).flatten(1);
        var norm = squared ? g.square().sum(1) : g.square().sum(1).sqrt();
        return (norm - 1).square().mean() * lambda;
    }

    [Fact]
    public void RightAnswersPass()
    {
        Assert.True(GanExercises.CheckDiscriminatorLoss((r, f) => softplus(r.neg()).mean() + softplus(f).mean()).Passed);
        Assert.True(GanExercises.CheckGeneratorLoss(f => softplus(f.neg()).mean()).Passed);
        var result = GanExercises.CheckGradientPenalty((c, r, f, e) => Penalty(c, r, f, e));
        Assert.True(result.Passed, result.ToString());
    }

    [Fact]
    public void MistakesGetTheirHints()
    {
        Assert.Contains("swapped real and fake",
            GanExercises.CheckDiscriminatorLoss((r, f) => softplus(f.neg()).mean() + softplus(r).mean()).Hint);
        Assert.Contains("NaN or infinity",
            GanExercises.CheckDiscriminatorLoss((r, f) => -(r.sigmoid().log().mean() + (1 - f.sigmoid()).log().mean())).Hint);
        Assert.Contains("saturating loss",
            GanExercises.CheckGeneratorLoss(f => softplus(f).mean().neg()).Hint);
        Assert.Contains("10 times too small",
            GanExercises.CheckGradientPenalty((c, r, f, e) => Penalty(c, r, f, e, lambda: 1)).Hint);
        Assert.Contains("squared norm",
            GanExercises.CheckGradientPenalty((c, r, f, e) => Penalty(c, r, f, e, squared: true)).Hint);
        var detached = GanExercises.CheckGradientPenalty((c, r, f, e) => Penalty(c, r, f, e, createGraph: false));
        Assert.False(detached.Passed);
        Assert.Contains("create_graph", detached.Hint);
        Assert.Equal("not implemented yet: replace the `throw` with your code",
            GanExercises.CheckGeneratorLoss(_ => throw new NotImplementedException()).Message);
    }
}
