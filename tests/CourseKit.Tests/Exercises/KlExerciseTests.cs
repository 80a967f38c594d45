using CourseKit.Exercises;

namespace CourseKit.Tests.Exercises;

/// <summary>The KL exercise's check: the right answer passes, each typical mistake gets its hint.</summary>
public sealed class KlExerciseTests
{
    /// <summary>-½ Σ_j (1 + log σ² - μ² - σ²), as a student would write it.</summary>
    private static Tensor Right(Tensor mu, Tensor logvar) => (1 + logvar - mu * mu - logvar.exp()).sum(1) * -0.5;

    [Fact]
    public void RightAnswerPasses()
    {
        var result = VaeExercises.CheckKl(Right);

        Assert.True(result.Passed, result.ToString());
        Assert.Equal("KL divergence", result.Exercise);
        Assert.StartsWith("✓ passed", result.ToString());
    }

    [Fact]
    public void NotImplementedYet()
    {
        var result = VaeExercises.CheckKl((_, _) => throw new NotImplementedException());

        Assert.False(result.Passed);
        Assert.Equal("not implemented yet: replace the `throw` with your code", result.Message);
    }

    public static TheoryData<string, Func<Tensor, Tensor, Tensor>, string> Mistakes => new()
    {
        { "sign of the whole expression", (mu, lv) => (1 + lv - mu * mu - lv.exp()).sum(1) * 0.5, "opposite sign" },
        { "forgot the 1/2", (mu, lv) => -(1 + lv - mu * mu - lv.exp()).sum(1), "forget the factor 1/2" },
        { "sigma for sigma squared", (mu, lv) => (1 + lv - mu * mu - (lv / 2).exp()).sum(1) * -0.5, "σ = exp(logvar / 2) where the formula needs the variance" },
        { "log sigma for log sigma squared", (mu, lv) => (1 + 2 * lv - mu * mu - lv.exp()).sum(1) * -0.5, "mix up log σ and log σ²" },
        { "exp of twice logvar", (mu, lv) => (1 + lv - mu * mu - (2 * lv).exp()).sum(1) * -0.5, "not exp(2 logvar)" },
        { "mean over latent dims", (mu, lv) => (1 + lv - mu * mu - lv.exp()).mean(1) * -0.5, "divided by Z" },
        { "mu instead of mu squared", (mu, lv) => (1 + lv - mu - lv.exp()).sum(1) * -0.5, "use μ², not μ" },
        { "forgot the 1", (mu, lv) => (lv - mu * mu - lv.exp()).sum(1) * -0.5, "left out the constant 1" },
        { "negative for another reason", (mu, lv) => Right(mu, lv) - 3.0, "your KL is negative for this input" },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public void MistakeGetsItsHint(string mistake, Func<Tensor, Tensor, Tensor> kl, string hint)
    {
        var result = VaeExercises.CheckKl(kl);

        Assert.False(result.Passed, mistake);
        Assert.StartsWith("wrong values for:", result.Message);
        Assert.Contains(hint, result.Hint);
        Assert.Contains("expected [", result.Details);
    }

    public static TheoryData<string, Func<Tensor, Tensor, Tensor>, string> WrongShapes => new()
    {
        { "summed over the batch too", (mu, lv) => Right(mu, lv).sum(), "keep one value per example — sum over the latent dimension only (dim 1), not over the batch as well" },
        { "no sum", (mu, lv) => (1 + lv - mu * mu - lv.exp()) * -0.5, "one value per latent coordinate" },
        { "summed over dim 0", (mu, lv) => (1 + lv - mu * mu - lv.exp()).sum(0) * -0.5, "reduced over the batch dimension" },
        { "keepdim", (mu, lv) => (1 + lv - mu * mu - lv.exp()).sum(1, keepdim: true) * -0.5, "without keepdim" },
    };

    [Theory]
    [MemberData(nameof(WrongShapes))]
    public void WrongShapeGetsItsHint(string mistake, Func<Tensor, Tensor, Tensor> kl, string hint)
    {
        var result = VaeExercises.CheckKl(kl);

        Assert.False(result.Passed, mistake);
        Assert.StartsWith("wrong shape: expected [2] (one KL per example), you returned ", result.Message);
        Assert.Contains(hint, result.Hint);
    }

    [Fact]
    public void ScalarResultNamesBothShapes()
    {
        var result = VaeExercises.CheckKl((mu, lv) => Right(mu, lv).sum());

        Assert.Equal("wrong shape: expected [2] (one KL per example), you returned [] (a scalar)", result.Message);
    }

    [Fact]
    public void ZeroCaseFailsFirstForAConstantOffset()
    {
        var result = VaeExercises.CheckKl((mu, lv) => Right(mu, lv) + 0.5);

        Assert.Equal("wrong values for: mu = 0 and logvar = 0, so q = p and the KL must be 0", result.Message);
        Assert.Equal("called with mu [2, 3] float32, logvar [2, 3] float32\nexpected [0, 0]\nyou gave [0.5, 0.5]\n(tolerance: rtol 0.0001, atol 0.0001)", result.Details);
    }

    [Fact]
    public void MessagesNeverNameTheReferenceImplementation()
    {
        var result = VaeExercises.CheckKl((mu, lv) => Right(mu, lv) * 2.0);

        foreach (var text in new[] { result.Message, result.Hint, result.Details, result.ToDisplay().ToHtml() })
        {
            Assert.DoesNotContain("GaussianKl", text);
            Assert.DoesNotContain("ToStandardNormal", text);
            Assert.DoesNotContain("CourseKit.Losses", text);
        }
    }
}
