using CourseKit.Data;
using CourseKit.Models;

namespace CourseKit.Tests.Vae;

/// <summary>
/// A small MLP VAE trained briefly on part of the shipped MNIST (binarized), then scored:
/// the training loop's logs, the evaluation helpers and the importance-weighted bound.
/// </summary>
[Collection(nameof(SeededRandomCollection))]
public sealed class TrainedVaeTests : IDisposable
{
    private readonly MnistDataset train = datasets.MNIST(train: true);
    private readonly MnistDataset test = datasets.MNIST(train: false);

    public void Dispose()
    {
        train.Dispose();
        test.Dispose();
    }

    /// <summary>3 epochs over 2,000 training images (60 steps), 784-200-10.</summary>
    private (VariationalAutoencoder vae, List<VaeStepLog> log) Train()
    {
        manual_seed(11);
        using var subset = train.Images.narrow(0, 0, 2000);
        using var labels = train.Labels.narrow(0, 0, 2000);
        var loader = new DataLoader(subset, labels, 100, shuffle: true, seed: 11, transform: PixelTransform.Binarize, flatten: true);
        var vae = new VariationalAutoencoder(new MlpAutoencoderSettings { HiddenSize = 200, LatentSize = 10 });
        using var optimizer = optim.Adam(vae.parameters(), lr: 1e-3);
        var log = new List<VaeStepLog>();
        for (var epoch = 0; epoch < 3; epoch++) log.AddRange(VaeTrainer.TrainEpoch(vae, loader, optimizer, firstStep: log.Count));
        return (vae, log);
    }

    private Tensor TestImages(int n)
    {
        using var images = test.Images.narrow(0, 0, n);
        using var on = images.gt(0.5);
        using var binary = on.to(float32);
        return binary.flatten(1);                                               // (n, 784)
    }

    [Fact]
    public void TrainingLogsEveryStepAndTheLossFalls()
    {
        var (vae, log) = Train();
        using (vae)
        {
            Assert.Equal(60, log.Count);
            Assert.Equal(Enumerable.Range(0, 60).Select(i => (long)i), log.Select(l => l.Step));
            foreach (var l in log) Assert.Equal(l.Reconstruction + l.Kl, l.Total, 1e-3);
            // An untrained decoder costs about 784 ln 2 = 543 nats; 60 steps reach well below 250.
            Assert.True(log[0].Total > 450, $"first step {log[0].Total}");
            Assert.True(log[^1].Total < 250, $"last step {log[^1].Total}");
            Assert.True(log[^1].Kl > 1, $"the KL term should be active, got {log[^1].Kl}");
        }
    }

    /// <summary>
    /// On 500 test images: -NELBO (the ELBO, closed-form KL) ≤ L_1 + noise, and L_1 &lt; L_10 &lt; L_100
    /// (Burda et al. 2016, theorem 1). The gaps of a briefly trained VAE are several nats, while the
    /// standard error of a mean over 500 images is about half a nat.
    /// </summary>
    [Fact]
    public void ImportanceWeightedBoundIsAboveTheElboAndGrowsWithK()
    {
        var (vae, _) = Train();
        using (vae)
        using (var x = TestImages(500))
        {
            var elbo = -VaeEvaluation.NegativeElbo(vae, x, batchSize: 250).Total;
            double Bound(int k, int chunk)
            {
                using var estimate = VaeEvaluation.LogMarginal(vae, x, k, chunk);
                Assert.Equal(new long[] { 500 }, estimate.shape);
                return estimate.mean().item<float>();
            }
            var l1 = Bound(1, 1);
            var l10 = Bound(10, 4);
            var l100 = Bound(100, 32);
            var l100OneChunk = Bound(100, 100);
            Assert.True(Math.Abs(l1 - elbo) < 2, $"L_1 {l1:F2} should estimate the ELBO {elbo:F2}");
            Assert.True(l10 > elbo + 1, $"L_10 {l10:F2} should exceed the ELBO {elbo:F2}");
            Assert.True(l10 > l1 + 1, $"L_10 {l10:F2} should exceed L_1 {l1:F2}");
            Assert.True(l100 > l10 + 0.5, $"L_100 {l100:F2} should exceed L_10 {l10:F2}");
            Assert.True(Math.Abs(l100 - l100OneChunk) < 0.5, $"chunking changed L_100: {l100:F2} vs {l100OneChunk:F2}");
        }
    }

    [Fact]
    public void EvaluationAgreesBetweenLoaderAndTensorAndLeavesTheModeAlone()
    {
        var (vae, _) = Train();
        using (vae)
        using (var x = TestImages(2000))
        {
            var loader = new DataLoader(test, 500, transform: PixelTransform.Binarize, flatten: true);
            manual_seed(12);
            var fromLoader = VaeEvaluation.NegativeElbo(vae, loader);
            manual_seed(12);
            var fromTensor = VaeEvaluation.NegativeElbo(vae, x, batchSize: 500);
            Assert.Equal(2000, fromLoader.Count);
            Assert.Equal(fromLoader.Total, fromTensor.Total, 1e-6);
            Assert.Equal(fromLoader.Reconstruction + fromLoader.Kl, fromLoader.Total, 1e-9);
            Assert.Equal(fromLoader.Total / (784 * Math.Log(2)), fromLoader.TotalBitsPerDim(784), 1e-12);
            Assert.True(vae.training);

            var iwae = VaeEvaluation.MeanLogMarginal(vae, loader, k: 5);
            Assert.True(iwae > -fromLoader.Total, $"L_5 {iwae:F2} should exceed the ELBO {-fromLoader.Total:F2}");
        }
    }

    [Fact]
    public void BetaWeighsTheKlInTheLoggedTotal()
    {
        var (vae, _) = Train();
        using (vae)
        using (var x = TestImages(100))
        using (var optimizer = optim.Adam(vae.parameters(), lr: 1e-4))
        {
            var step = VaeTrainer.Step(vae, optimizer, x, beta: 0.25, step: 7);
            Assert.Equal(7, step.Step);
            Assert.Equal(step.Reconstruction + 0.25 * step.Kl, step.Total, 1e-3);
        }
    }

    /// <summary>20 steps of the autoencoder's loop on 1,000 images lower -log p(x | x̂) from about 543 nats.</summary>
    [Fact]
    public void AutoencoderTrainingLowersTheReconstructionLoss()
    {
        manual_seed(13);
        using var subset = train.Images.narrow(0, 0, 1000);
        using var labels = train.Labels.narrow(0, 0, 1000);
        var loader = new DataLoader(subset, labels, 100, shuffle: true, seed: 13, transform: PixelTransform.Binarize, flatten: true);
        using var ae = new Autoencoder(new MlpAutoencoderSettings { HiddenSize = 200, LatentSize = 10 });
        using var optimizer = optim.Adam(ae.parameters(), lr: 1e-3);
        var log = AutoencoderTrainer.TrainEpoch(ae, loader, optimizer);
        log.AddRange(AutoencoderTrainer.TrainEpoch(ae, loader, optimizer));
        Assert.Equal(20, log.Count);
        Assert.True(log[0] > 450 && log[^1] < 250, $"reconstruction loss {log[0]:F1} -> {log[^1]:F1}");
    }
}
