using CourseKit.Exercises;
using static CourseKit.torch.nn.functional;

namespace CourseKit.Tests.Exercises;

/// <summary>The negative-ELBO exercise's check: right answers pass, each typical mistake gets its hint.</summary>
public sealed class NegativeElboExerciseTests
{
    /// <summary>-log p(x | logits) per example, (B).</summary>
    private static Tensor Reconstruction(Tensor x, Tensor logits) => binary_cross_entropy_with_logits(logits, x, reduction: "none").sum(1);

    private static Tensor Kl(Tensor mu, Tensor logvar) => (1 + logvar - mu * mu - logvar.exp()).sum(1) * -0.5;

    private static Tensor Right(Tensor x, Tensor logits, Tensor mu, Tensor logvar) => Reconstruction(x, logits) + Kl(mu, logvar);

    [Fact]
    public void RightAnswerPasses()
    {
        var result = VaeExercises.CheckNegativeElbo(Right);

        Assert.True(result.Passed, result.ToString());
        Assert.Equal("negative ELBO", result.Exercise);
    }

    [Fact]
    public void TextbookFormWithSigmoidAndLogsAlsoPasses()
    {
        var result = VaeExercises.CheckNegativeElbo((x, logits, mu, logvar) =>
        {
            var p = logits.sigmoid();                                                   // (B, 784)
            return -(x * p.log() + (1 - x) * (1 - p).log()).sum(1) + Kl(mu, logvar);
        });

        Assert.True(result.Passed, result.ToString());
    }

    [Fact]
    public void NotImplementedYet()
    {
        var result = VaeExercises.CheckNegativeElbo((_, _, _, _) => throw new NotImplementedException());

        Assert.Equal("not implemented yet: replace the `throw` with your code", result.Message);
    }

    public static TheoryData<string, Func<Tensor, Tensor, Tensor, Tensor, Tensor>, string> Mistakes => new()
    {
        { "sign flipped", (x, l, mu, lv) => -Right(x, l, mu, lv), "you returned the ELBO" },
        { "reconstruction averaged over pixels", (x, l, mu, lv) => binary_cross_entropy_with_logits(l, x, reduction: "none").mean(1) + Kl(mu, lv), "averaged over the 784 pixels" },
        { "forgot the KL", (x, l, _, _) => Reconstruction(x, l), "left out the KL term" },
        { "KL with the wrong sign", (x, l, mu, lv) => Reconstruction(x, l) - Kl(mu, lv), "KL term enters with the wrong sign" },
        { "sigmoid before a loss on logits", (x, l, mu, lv) => Reconstruction(x, l.sigmoid()) + Kl(mu, lv), "already are logits" },
        { "KL averaged over latent dims", (x, l, mu, lv) => Reconstruction(x, l) + Kl(mu, lv) / mu.size(1), "averaged over the latent dimensions" },
        { "KL summed over the batch", (x, l, mu, lv) => Reconstruction(x, l) + Kl(mu, lv).sum(), "summed over the whole batch" },
        { "log of logits", (x, l, mu, lv) => -(x * l.log() + (1 - x) * (1 - l).log()).sum(1) + Kl(mu, lv), "log of the logits" },
        { "squared error instead of Bernoulli", (x, l, mu, lv) => (x - l.sigmoid()).square().sum(1) + Kl(mu, lv), "far from the right ones" },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public void MistakeGetsItsHint(string mistake, Func<Tensor, Tensor, Tensor, Tensor, Tensor> negativeElbo, string hint)
    {
        var result = VaeExercises.CheckNegativeElbo(negativeElbo);

        Assert.False(result.Passed, mistake);
        Assert.Contains(hint, result.Hint);
    }

    [Fact]
    public void BatchMeanGetsAShapeHint()
    {
        var result = VaeExercises.CheckNegativeElbo((x, l, mu, lv) => Right(x, l, mu, lv).mean());

        Assert.Equal("wrong shape: expected [3] (one negative ELBO per example, in nats), you returned [] (a scalar)", result.Message);
        Assert.Contains("one value per example, shape [B]; the training loop takes the mean", result.Hint);
    }

    [Fact]
    public void PerPixelResultGetsAShapeHint()
    {
        var result = VaeExercises.CheckNegativeElbo((x, l, mu, lv) => binary_cross_entropy_with_logits(l, x, reduction: "none") + Kl(mu, lv).unsqueeze(1));

        Assert.Contains("you returned [3, 784]", result.Message);
        Assert.Contains("sum the reconstruction term over the pixels", result.Hint);
    }

    [Fact]
    public void WrongShapesInsideTheStudentsCodeAreReportedNotThrown()
    {
        var result = VaeExercises.CheckNegativeElbo((x, l, mu, lv) => Reconstruction(x, l) + Kl(mu, lv).matmul(x));

        Assert.False(result.Passed);
        Assert.StartsWith("your function threw TorchException:", result.Message);
        Assert.Equal("called with x [3, 784] float32, logits [3, 784] float32, mu [3, 4] float32, logvar [3, 4] float32", result.Details);
    }
}
