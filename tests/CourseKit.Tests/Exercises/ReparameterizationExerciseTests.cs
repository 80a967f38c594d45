using System.Diagnostics;
using CourseKit.Exercises;

namespace CourseKit.Tests.Exercises;

/// <summary>
/// The reparameterization exercise's check: the right answer passes, each typical mistake gets its
/// hint. The check seeds libtorch's global generator, so these tests run alone.
/// </summary>
[Collection(nameof(SeededRandomCollection))]
public sealed class ReparameterizationExerciseTests
{
    private static Tensor Right(Tensor mu, Tensor logvar) => mu + (logvar / 2).exp() * randn_like(mu);

    [Fact]
    public void RightAnswerPasses()
    {
        var result = VaeExercises.CheckReparameterize(Right);

        Assert.True(result.Passed, result.ToString());
        Assert.Equal("reparameterization", result.Exercise);
    }

    [Fact]
    public void EquivalentFormsPass()
    {
        Assert.True(VaeExercises.CheckReparameterize((mu, lv) => mu + (0.5 * lv).exp() * randn(mu.shape)).Passed);
        Assert.True(VaeExercises.CheckReparameterize((mu, lv) => randn_like(mu) * lv.exp().sqrt() + mu).Passed);
    }

    [Fact]
    public void NotImplementedYet()
    {
        var result = VaeExercises.CheckReparameterize((_, _) => throw new NotImplementedException());

        Assert.Equal("not implemented yet: replace the `throw` with your code", result.Message);
    }

    public static TheoryData<string, Func<Tensor, Tensor, Tensor>, string, string> Mistakes => new()
    {
        { "exp(logvar) as the scale", (mu, lv) => mu + lv.exp() * randn_like(mu), "standard deviation of z", "which is the variance σ²: the standard deviation is σ = exp(logvar / 2)" },
        { "logvar as the scale", (mu, lv) => mu + lv * randn_like(mu), "standard deviation of z", "you scaled ε by logvar itself" },
        { "divided by sigma", (mu, lv) => mu + randn_like(mu) / (lv / 2).exp(), "standard deviation of z", "you divided ε by σ" },
        { "unscaled noise", (mu, _) => mu + randn_like(mu), "standard deviation of z", "the noise is not scaled" },
        { "square root of logvar", (mu, lv) => mu + lv.sqrt() * randn_like(mu), "z contains NaN or infinity", "a square root or a log of it gives NaN" },
        { "no noise", (mu, lv) => mu + 0.0 * lv, "z equals mu: there is no noise", "randn_like(mu)" },
        { "forgot mu", (mu, lv) => (lv / 2).exp() * randn_like(mu), "the mean of z", "z is centred at 0: add mu" },
        { "one noise row for the whole batch", (mu, lv) => mu + (lv / 2).exp() * randn(mu.size(1)), "every example got the same z", "randn_like(mu)" },
        { "one noise value per example", (mu, lv) => mu + (lv / 2).exp() * randn(mu.size(0), 1), "correlated", "a noise of shape [B, 1]" },
        { "detached", (mu, lv) => Right(mu, lv).detach(), "no gradient can flow", "did you detach" },
        { "sigma detached", (mu, lv) => mu + (lv / 2).exp().detach() * randn_like(mu), "no gradient reached logvar", "The noise must not depend on the parameters, but z must" },
        { "mu detached", (mu, lv) => mu.detach() + (lv / 2).exp() * randn_like(mu), "no gradient reached mu", "did you detach" },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public void MistakeGetsItsHint(string mistake, Func<Tensor, Tensor, Tensor> reparameterize, string message, string hint)
    {
        var result = VaeExercises.CheckReparameterize(reparameterize);

        Assert.False(result.Passed, mistake);
        Assert.Contains(message, result.Message);
        Assert.Contains(hint, result.Hint);
    }

    [Fact]
    public void ComputedWithoutGradSaysSo()
    {
        var result = VaeExercises.CheckReparameterize((mu, lv) =>
        {
            using (no_grad()) return Right(mu, lv);
        });

        Assert.Equal("no gradient can flow from z to mu and logvar: z does not require grad", result.Message);
        Assert.Contains("under no_grad()", result.Hint);
    }

    [Fact]
    public void ReducedResultGetsAShapeHint()
    {
        var result = VaeExercises.CheckReparameterize((mu, lv) => Right(mu, lv).sum(1));

        Assert.Equal("wrong shape: expected [3, 5] (the shape of mu), you returned [3]", result.Message);
        Assert.Contains("do not sum or average", result.Hint);
    }

    [Fact]
    public void ResultIsTheSameOnEveryRun()
    {
        Func<Tensor, Tensor, Tensor> close = (mu, lv) => mu + (lv / 2).exp() * 1.04 * randn_like(mu);

        var first = VaeExercises.CheckReparameterize(close);
        var second = VaeExercises.CheckReparameterize(close);

        Assert.Equal(first, second);
    }

    [Fact]
    public void TheNotebooksRandomStreamStillFollowsItsSeed()
    {
        manual_seed(5);
        VaeExercises.CheckReparameterize(Right);
        var afterCheck = randn(4).ToArray<float>();
        manual_seed(5);
        VaeExercises.CheckReparameterize(Right);
        var again = randn(4).ToArray<float>();
        manual_seed(6);
        VaeExercises.CheckReparameterize(Right);
        var otherSeed = randn(4).ToArray<float>();

        Assert.Equal(afterCheck, again);
        Assert.NotEqual(afterCheck, otherSeed);
    }

    [Fact]
    public void EveryCheckTakesUnderASecond()
    {
        Func<CheckResult>[] checks =
        [
            () => VaeExercises.CheckKl((mu, lv) => (1 + lv - mu * mu - lv.exp()).sum(1) * -0.5),
            () => VaeExercises.CheckReparameterize(Right),
            () => VaeExercises.CheckNegativeElbo((x, l, mu, lv) => torch.nn.functional.binary_cross_entropy_with_logits(l, x, reduction: "none").sum(1)),
        ];
        foreach (var check in checks)
        {
            check();                                                                  // warm up (JIT, first libtorch calls)
            var watch = Stopwatch.StartNew();
            check();
            Assert.InRange(watch.Elapsed.TotalSeconds, 0, 1);
        }
    }

    [Fact]
    public void ChecksReleaseEveryTensorTheyMake()
    {
        using var outer = NewDisposeScope();

        VaeExercises.CheckKl((mu, lv) => (1 + lv - mu * mu - lv.exp()).sum(1) * -0.5);
        VaeExercises.CheckReparameterize(Right);
        VaeExercises.CheckNegativeElbo((_, _, _, _) => throw new NotImplementedException());

        Assert.Equal(0, outer.Count);
    }
}
