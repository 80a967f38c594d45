using CourseKit.Losses;
using CourseKit.Models;

namespace CourseKit.Tests.Vae;

/// <summary>Shapes, gradients, errors and checkpoints of the autoencoder and the VAE.</summary>
[Collection(nameof(SeededRandomCollection))]
public sealed class ModelTests
{
    public static TheoryData<string, long[]> Inputs => new()
    {
        { "mlp", [6, 784] },
        { "mlp", [6, 1, 28, 28] },
        { "conv", [6, 784] },
        { "conv", [6, 1, 28, 28] },
    };

    private static AutoencoderSettings Settings(string kind, long latent = 20) => kind == "mlp"
        ? new MlpAutoencoderSettings { LatentSize = latent }
        : new ConvAutoencoderSettings { LatentSize = latent };

    [Theory]
    [MemberData(nameof(Inputs))]
    public void VaeForwardShapes(string kind, long[] shape)
    {
        manual_seed(1);
        using var vae = new VariationalAutoencoder(Settings(kind, latent: 5));
        using var scope = NewDisposeScope();
        var x = rand(shape);
        var o = vae.call(x);
        Assert.Equal(shape, o.Recon.shape);                                     // in the shape of x
        Assert.Equal(new long[] { 6, 5 }, o.Mu.shape);
        Assert.Equal(new long[] { 6, 5 }, o.LogVar.shape);
        Assert.Equal(new long[] { 6, 5 }, o.Z.shape);
        long[] native = kind == "mlp" ? [6, 784] : [6, 1, 28, 28];
        Assert.Equal(native, vae.Decode(o.Z).shape);
        Assert.Equal(new long[] { 6, 5 }, vae.PosteriorMean(x).shape);
        Assert.Equal(new long[] { 6, 1, 28, 28 }, vae.Reconstruct(x).shape);
        Assert.Equal(new long[] { 6 }, vae.LogLikelihood(x, o.Recon).shape);
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void AutoencoderForwardShapes(string kind, long[] shape)
    {
        manual_seed(2);
        using var ae = new Autoencoder(Settings(kind, latent: 3));
        using var scope = NewDisposeScope();
        var x = rand(shape);
        var o = ae.call(x);
        Assert.Equal(shape, o.Recon.shape);
        Assert.Equal(new long[] { 6, 3 }, o.Z.shape);
        Assert.Equal(new long[] { 6, 1, 28, 28 }, ae.Reconstruct(x).shape);
        Assert.Equal(new long[] { 6 }, ae.LogLikelihood(x, o.Recon).shape);
    }

    [Fact]
    public void MlpVaeHasTheKingmaWellingLayersAndPyTorchNames()
    {
        using var vae = new VariationalAutoencoder();
        var names = vae.named_parameters().ToDictionary(p => p.name, p => p.parameter.shape);
        Assert.Equal(new long[] { 400, 784 }, names["encoder.0.weight"]);
        Assert.Equal(new long[] { 20, 400 }, names["fc_mu.weight"]);
        Assert.Equal(new long[] { 20, 400 }, names["fc_logvar.weight"]);
        Assert.Equal(new long[] { 400, 20 }, names["decoder.0.weight"]);
        Assert.Equal(new long[] { 784, 400 }, names["decoder.2.weight"]);
        Assert.Equal(10, names.Count);
        // 784·400 + 400 + 2 (400·20 + 20) + 20·400 + 400 + 400·784 + 784
        Assert.Equal(652_824, vae.parameters().Sum(p => p.numel()));
    }

    [Fact]
    public void SamplesAndLatentGridAreImagesInTheUnitInterval()
    {
        manual_seed(3);
        using var vae = new VariationalAutoencoder(new ConvAutoencoderSettings { LatentSize = 2 });
        using var samples = vae.Sample(7);
        Assert.Equal(new long[] { 7, 1, 28, 28 }, samples.shape);
        Assert.False(samples.requires_grad);
        using var grid = vae.LatentGrid(3, 4);
        Assert.Equal(new long[] { 12, 1, 28, 28 }, grid.shape);
        using var ranged = vae.LatentGrid(2, 2, range: 2.5);
        Assert.Equal(new long[] { 4, 1, 28, 28 }, ranged.shape);
        foreach (var t in new[] { samples, grid, ranged })
            Assert.All(t.ToArray<float>(), v => Assert.InRange(v, 0f, 1f));

        using var big = new VariationalAutoencoder();
        var e = Assert.Throws<InvalidOperationException>(() => big.LatentGrid(3, 3));
        Assert.Contains("LatentSize 20", e.Message);
    }

    /// <summary>Φ⁻¹(0.05) = -1.6448536, Φ⁻¹(0.5) = 0; rows run from the largest z_2 down, columns from the smallest z_1 up.</summary>
    [Fact]
    public void LatentGridPointsAreGaussianQuantilesInPlotOrder()
    {
        using var points = LatentGridPoints.Quantiles(3, 3);                   // (9, 2)
        Assert.Equal(new long[] { 9, 2 }, points.shape);
        var p = points.ToArray<float>();
        const float q = 1.6448536f;
        Assert.Equal(-q, p[0], 1e-5f);                                          // top-left: z_1 smallest
        Assert.Equal(q, p[1], 1e-5f);                                           // top row: z_2 largest
        Assert.Equal(0f, p[8], 1e-6f);                                          // centre (0, 0)
        Assert.Equal(0f, p[9], 1e-6f);
        Assert.Equal(q, p[16], 1e-5f);                                          // bottom-right
        Assert.Equal(-q, p[17], 1e-5f);
        using var range = LatentGridPoints.Range(2, 3, 3);
        Assert.Equal(new float[] { -3, 3, 0, 3, 3, 3, -3, -3, 0, -3, 3, -3 }, range.ToArray<float>());
        Assert.Throws<ArgumentException>(() => LatentGridPoints.Quantiles(0, 3));
        Assert.Throws<ArgumentException>(() => LatentGridPoints.Quantiles(3, 3, lower: 0));
    }

    /// <summary>
    /// z = μ + σ ε: ∂Σz/∂μ = 1 and ∂Σz/∂log σ² = ½ σ ε = ½ (z - μ), nonzero for every coordinate.
    /// </summary>
    [Fact]
    public void GradientsFlowThroughTheReparameterization()
    {
        manual_seed(4);
        using var vae = new VariationalAutoencoder();
        using var mu = randn([8, 20], float64).requires_grad_();
        using var logvar = randn([8, 20], float64).requires_grad_();
        using var scope = NewDisposeScope();
        var z = vae.Reparameterize(mu, logvar);
        z.sum().backward();
        Assert.All(mu.grad!.ToArray<double>(), g => Assert.Equal(1.0, g));
        var expected = ((z.detach() - mu.detach()) * 0.5).ToArray<double>();
        var actual = logvar.grad!.ToArray<double>();
        for (var i = 0; i < actual.Length; i++)
        {
            Assert.NotEqual(0.0, actual[i]);
            Assert.Equal(expected[i], actual[i], 1e-12);
        }
    }

    [Fact]
    public void ReparameterizedSamplesHaveThePosteriorMoments()
    {
        manual_seed(5);
        using var vae = new VariationalAutoencoder();
        using var scope = NewDisposeScope();
        var mu = full([100_000, 1], 1.5, float64);
        var logvar = full([100_000, 1], Math.Log(0.25), float64);
        var z = vae.Reparameterize(mu, logvar);
        // Standard errors: σ/√n = 0.0016 for the mean, about σ/√(2n) = 0.0011 for the std.
        Assert.Equal(1.5, z.mean().item<double>(), 0.007);
        Assert.Equal(0.5, z.std().item<double>(), 0.005);
    }

    [Fact]
    public void NegativeElboGivesNonzeroGradientsToEveryParameter()
    {
        manual_seed(6);
        using var vae = new VariationalAutoencoder(new MlpAutoencoderSettings { Likelihood = DecoderLikelihood.GaussianLearnedVariance });
        using var scope = NewDisposeScope();
        var x = rand(16, 784);
        var o = vae.call(x);
        var loss = Elbo.Negative(vae.LogLikelihood(x, o.Recon), o.Mu, o.LogVar);
        loss.Total.mean().backward();
        foreach (var (name, p) in vae.named_parameters())
            Assert.True(p.grad!.abs().sum().item<float>() > 0, $"{name} got no gradient");
        Assert.Contains("likelihood.log_sigma2", vae.named_parameters().Select(p => p.name));
    }

    [Fact]
    public void GaussianDecoderLogLikelihoodUsesTheFixedStd()
    {
        using var vae = new VariationalAutoencoder(new MlpAutoencoderSettings { Likelihood = DecoderLikelihood.Gaussian, DecoderStd = 0.5 });
        Assert.DoesNotContain(vae.named_parameters(), p => p.name.StartsWith("likelihood", StringComparison.Ordinal));
        using var x = full([1, 784], 0.5);
        using var mean = zeros(1, 784);
        using var log = vae.LogLikelihood(x, mean);
        // Each pixel: -½ [log 2π + log 0.25 + 0.25 / 0.25].
        Assert.Equal(-0.5 * 784 * (LogDensity.Log2Pi + Math.Log(0.25) + 1), log.item<float>(), 1e-2);
    }

    [Fact]
    public void WrongInputsGiveClearErrors()
    {
        using var vae = new VariationalAutoencoder();
        using var x = zeros(5, 100);
        var encode = Assert.Throws<ArgumentException>(() => vae.Encode(x));
        Assert.Contains("VariationalAutoencoder.Encode", encode.Message);
        Assert.Contains("[5, 100]", encode.Message);
        Assert.Contains("(B, 784)", encode.Message);

        using var z = zeros(5, 3);
        var decode = Assert.Throws<ArgumentException>(() => vae.Decode(z));
        Assert.Contains("VariationalAutoencoder.Decode", decode.Message);
        Assert.Contains("(B, 20)", decode.Message);
        Assert.Contains("[5, 3]", decode.Message);

        using var mu = zeros(5, 20);
        var reparameterize = Assert.Throws<ArgumentException>(() => vae.Reparameterize(mu, z));
        Assert.Contains("Reparameterize", reparameterize.Message);
        Assert.Contains("[5, 20]", reparameterize.Message);

        using var ae = new Autoencoder(new ConvAutoencoderSettings());
        var aeEncode = Assert.Throws<ArgumentException>(() => ae.Encode(x));
        Assert.Contains("Autoencoder.Encode", aeEncode.Message);

        var settings = Assert.Throws<ArgumentException>(() => new VariationalAutoencoder(new ConvAutoencoderSettings { Height = 30 }));
        Assert.Contains("divisible by 4", settings.Message);
        Assert.Throws<ArgumentException>(() => new Autoencoder(new MlpAutoencoderSettings { LatentSize = 0 }));
        Assert.Throws<ArgumentException>(() => new VariationalAutoencoder(new MlpAutoencoderSettings { DecoderStd = 0 }));
    }

    [Fact]
    public void SaveAndLoadRoundTripKeepsTheModel()
    {
        manual_seed(7);
        var path = Path.Combine(Path.GetTempPath(), $"coursekit-vae-{Guid.NewGuid():N}.safetensors");
        try
        {
            var settings = new ConvAutoencoderSettings { LatentSize = 4, Likelihood = DecoderLikelihood.GaussianLearnedVariance };
            using var original = new VariationalAutoencoder(settings);
            using (no_grad()) original.likelihood.log_sigma2!.fill_(-3.0);
            var state = original.state_dict();
            save(state, path);
            foreach (var t in state.Values) t.Dispose();

            manual_seed(8);
            using var restored = new VariationalAutoencoder(settings);
            var loaded = load(path);
            restored.load_state_dict(loaded);
            foreach (var t in loaded.Values) t.Dispose();

            Assert.Equal(original.named_parameters().Select(p => p.name), restored.named_parameters().Select(p => p.name));
            foreach (var ((name, a), (_, b)) in original.named_parameters().Zip(restored.named_parameters()))
                Assert.True(a.ToArray<float>().SequenceEqual(b.ToArray<float>()), $"{name} differs after the round trip");
            using var z = randn(3, 4);
            using var before = original.DecodeMean(z);
            using var after = restored.DecodeMean(z);
            Assert.Equal(before.ToArray<float>(), after.ToArray<float>());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void EmptyBatchGivesEmptyOutputs()
    {
        using var vae = new VariationalAutoencoder();
        using var scope = NewDisposeScope();
        var x = zeros(0, 784);
        var o = vae.call(x);
        Assert.Equal(new long[] { 0, 784 }, o.Recon.shape);
        Assert.Equal(new long[] { 0, 20 }, o.Mu.shape);
        var loss = Elbo.Negative(vae.LogLikelihood(x, o.Recon), o.Mu, o.LogVar);
        Assert.Equal(new long[] { 0 }, loss.Total.shape);
        Assert.Equal(new long[] { 0, 1, 28, 28 }, vae.Sample(0).shape);
    }
}
