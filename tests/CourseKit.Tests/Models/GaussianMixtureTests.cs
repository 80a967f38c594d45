using CourseKit.Data;
using CourseKit.Models;

namespace CourseKit.Tests.Models;

[Collection(nameof(SeededRandomCollection))]
public sealed class GaussianMixtureTests
{
    private static GaussianMixture ThreeComponents() => GaussianMixture.From(
        tensor(new float[] { 0.2f, 0.5f, 0.3f }),
        tensor(new float[,] { { 0, 0 }, { 3, 1 }, { -2, 2 } }),
        tensor(new float[,,] { { { 1, 0.3f }, { 0.3f, 0.5f } }, { { 0.4f, 0 }, { 0, 2 } }, { { 1.5f, -0.6f }, { -0.6f, 0.8f } } }));

    [Fact]
    public void LogProbMatchesPyTorchDistributions()
    {
        // MixtureSameFamily(Categorical(w), MultivariateNormal(mu, cov)).log_prob(x) in PyTorch 1.13.
        var expected = new[] { -2.9279074668884277, -3.9276363849639893, -2.476411819458008, -3.1778862476348877, -11.419447898864746 };
        using var mixture = ThreeComponents();
        using var x = tensor(new float[,] { { 0, 0 }, { 1, 1 }, { 3, 0.5f }, { -2, 2.5f }, { 5, -3 } });
        using var logp = mixture.LogProb(x);
        var actual = logp.ToArray<float>();
        for (var k = 0; k < expected.Length; k++) Assert.Equal(expected[k], actual[k], 1e-5 * Math.Abs(expected[k]));
    }

    [Fact]
    public void EmNeverDecreasesTheLikelihoodAndRecoversTheModes()
    {
        manual_seed(3);
        var (points, _) = Toy2D.Ring(2000, modes: 4, radius: 5, spread: 0.5);
        using var data = points;
        using var mixture = GaussianMixture.Initialize(data, 4);
        var history = Enumerable.Range(0, 60).Select(_ => mixture.EmStep(data)).ToArray();
        for (var k = 1; k < history.Length; k++)
            Assert.True(history[k] >= history[k - 1] - 1e-4, $"EM decreased the log-likelihood at step {k}: {history[k - 1]} -> {history[k]}");
        // Each fitted mean lies near one of the four ring modes (radius 5), weights near 1/4.
        var means = mixture.Means.ToArray<float>();
        for (var c = 0; c < 4; c++)
            Assert.InRange(Math.Sqrt(means[2 * c] * means[2 * c] + means[2 * c + 1] * means[2 * c + 1]), 4.7, 5.3);
        Assert.All(mixture.Weights.ToArray<float>(), w => Assert.InRange(w, 0.2, 0.3));
    }

    [Fact]
    public void SamplesHaveTheMixtureMoments()
    {
        manual_seed(5);
        using var mixture = ThreeComponents();
        using var samples = mixture.Sample(200_000);
        using var mean = samples.mean(0);
        // E[x] = sum_k pi_k mu_k = (0.5 * 3 - 0.3 * 2, 0.5 * 1 + 0.3 * 2) = (0.9, 1.1); standard error ~ 0.005.
        var m = mean.ToArray<float>();
        Assert.Equal(0.9, m[0], 0.02);
        Assert.Equal(1.1, m[1], 0.02);
    }

    [Fact]
    public void WrongShapesAreNamed()
    {
        using var mixture = ThreeComponents();
        using var x = zeros(4, 3);
        var e = Assert.Throws<ArgumentException>(() => mixture.LogProb(x));
        Assert.Contains("points have 3 dimensions, the mixture has 2", e.Message);
        Assert.Throws<ArgumentException>(() => GaussianMixture.From(ones(2), zeros(3, 2), zeros(3, 2, 2)));
    }
}
