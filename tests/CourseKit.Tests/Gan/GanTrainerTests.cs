using CourseKit.Data;
using CourseKit.Models;

namespace CourseKit.Tests.Gan;

/// <summary>
/// The trainer's loop: k critic steps per generator step, weight clipping, the EMA, the logged
/// gradient norm, shapes of the DCGAN networks, and a short run that learns a 2-D Gaussian (fixed seed).
/// </summary>
[Collection(nameof(SeededRandomCollection))]
public sealed class GanTrainerTests
{
    [Fact]
    public void KStepsDrawKBatchesAndClippingBoundsTheCritic()
    {
        manual_seed(3);
        var settings = new MlpGanSettings { HiddenSize = 16, Layers = 2 };
        using var g = settings.Generator();
        using var d = settings.Discriminator();
        using var trainer = new GanTrainer(g, d, optim.RMSprop(g.parameters(), lr: 5e-3), optim.RMSprop(d.parameters(), lr: 5e-3),
            new GanTrainerSettings { Loss = GanLoss.WassersteinClip, DiscriminatorSteps = 5, Clip = 0.01, EmaDecay = 0.9 });
        var batches = 0;
        for (var step = 0; step < 3; step++)
        {
            var log = trainer.Step(() => { batches++; return randn(32, 2) + 3; });
            Assert.Equal(step, log.Step);
            Assert.True(log.GeneratorGradNorm > 0 && double.IsFinite(log.GeneratorGradNorm));
        }
        Assert.Equal(15, batches);
        Assert.All(d.parameters(), p => Assert.True(p.abs().max().item<float>() <= 0.01f + 1e-7f));
        Assert.Equal(3, trainer.Ema!.num_updates);
        using var copy = settings.Generator();
        trainer.CopyAverageTo(copy);
        Assert.Equal(trainer.Ema.shadow_params[0].ToArray<float>(), copy.parameters().First().ToArray<float>());
    }

    [Fact]
    public void AShortNonSaturatingRunMovesSamplesOntoTheData()
    {
        manual_seed(5);
        var settings = new MlpGanSettings { HiddenSize = 32, Layers = 2 };
        using var g = settings.Generator();
        using var d = settings.Discriminator();
        using var trainer = new GanTrainer(g, d, optim.Adam(g.parameters(), lr: 2e-3, beta1: 0.5, beta2: 0.9),
            optim.Adam(d.parameters(), lr: 2e-3, beta1: 0.5, beta2: 0.9), new GanTrainerSettings { Loss = GanLoss.NonSaturating });
        for (var step = 0; step < 300; step++)
            using (NewDisposeScope())
                trainer.Step(() => randn(64, 2) * 0.5 + tensor(new[] { 2f, -1f }));
        using var samples = g.Sample(2000);                                         // (2000, 2)
        var mean = samples.mean([0L]).ToArray<float>();
        Assert.Equal(2.0, mean[0], 0.3);                                            // started near (0, 0)
        Assert.Equal(-1.0, mean[1], 0.3);
    }

    /// <summary>
    /// With G fixed to the identity, G(z) = z ~ N(0, I), and data N(m, I), the Wasserstein-1 distance is
    /// W = |m| = √5 (two Gaussians with the same covariance), attained by the critic f(x) = u·x, u = m/|m|.
    /// The penalty is soft: for f = s u·x the critic maximises s W − λ (s − 1)², so s* = 1 + W / (2λ) and
    /// the critic's estimate E f(x) − E f(G(z)) converges to s* W = W + W² / (2λ) ≈ 2.486 (λ = 10).
    /// </summary>
    [Fact]
    public void WganGpCriticEstimatesTheWassersteinDistance()
    {
        manual_seed(5);
        var identity = nn.Linear(2, 2);
        using (no_grad())
        {
            identity.weight.copy_(eye(2));
            identity.bias!.zero_();
        }
        using var g = new Generator(identity, 2);
        using var d = new MlpGanSettings { HiddenSize = 64, Layers = 2 }.Discriminator();
        using var trainer = new GanTrainer(g, d, optim.SGD(g.parameters(), lr: 0), optim.Adam(d.parameters(), lr: 1e-3, beta1: 0.5, beta2: 0.9),
            new GanTrainerSettings { Loss = GanLoss.WassersteinGP });
        var shift = tensor(new[] { 2f, -1f });
        var estimates = new List<double>();
        for (var step = 0; step < 400; step++)
            using (NewDisposeScope())
            {
                var log = trainer.Step(() => randn(256, 2) + shift);
                if (step >= 300) estimates.Add(-(log.DiscriminatorLoss - log.GradientPenalty));
            }
        var w = Math.Sqrt(5);
        var expected = w + w * w / (2 * 10);
        Assert.InRange(estimates.Average(), 0.94 * expected, 1.06 * expected);
        Assert.Equal(1f, identity.weight[0, 0].item<float>());                      // lr 0: G did not move
    }

    [Fact]
    public void DcganShapes()
    {
        manual_seed(0);
        var settings = new DcganSettings { BaseChannels = 8, LatentSize = 16 };
        using var g = settings.Generator();
        using var d = settings.Discriminator();
        using var images = g.Sample(3);
        Assert.Equal([3L, 1, 28, 28], images.shape);
        Assert.True(images.abs().max().item<float>() <= 1);                         // tanh output
        using var scores = d.call(images);
        Assert.Equal([3L, 1], scores.shape);
        Assert.Throws<ArgumentException>(() => g.call(zeros(2, 5)));
        Assert.Throws<ArgumentException>(() => new DcganSettings { Height = 30 }.Generator());
    }
}
