using CourseKit.Losses;

namespace CourseKit.Tests.Vae;

/// <summary>The ELBO's pieces against closed forms worked out by hand (no randomness).</summary>
public sealed class LossTests
{
    private static Tensor Doubles(double[] values, params long[] shape) => tensor(values, shape, float64);

    [Fact]
    public void KlOfStandardNormalToStandardNormalIsZero()
    {
        using var mu = zeros(5, 3);
        using var logvar = zeros(5, 3);
        using var kl = GaussianKl.ToStandardNormal(mu, logvar);
        Assert.Equal(new long[] { 5 }, kl.shape);
        Assert.All(kl.ToArray<float>(), v => Assert.Equal(0f, v));
    }

    /// <summary>
    /// One coordinate contributes ½(σ² + μ² - 1 - log σ²): μ = 1, σ² = 1 gives ½; μ = 0, σ² = 2
    /// gives ½(1 - ln 2); μ = -2, σ² = e⁻¹ gives ½(e⁻¹ + 4 - 1 + 1).
    /// </summary>
    [Fact]
    public void KlMatchesHandComputedValues()
    {
        using var mu = Doubles([1, 0, -2], 1, 3);
        using var logvar = Doubles([0, Math.Log(2), -1], 1, 3);
        using var kl = GaussianKl.ToStandardNormal(mu, logvar);
        var expected = 0.5 + 0.5 * (1 - Math.Log(2)) + 0.5 * (Math.Exp(-1) + 4);
        Assert.Equal(expected, kl.ToArray<double>()[0], 1e-12);
    }

    [Fact]
    public void KlSumsAllButTheBatchDimension()
    {
        using var mu = full([2, 3, 4], 1.0, float64);
        using var logvar = zeros([2, 3, 4], float64);
        using var kl = GaussianKl.ToStandardNormal(mu, logvar);
        Assert.Equal(new[] { 6.0, 6.0 }, kl.ToArray<double>());                  // 12 coordinates x ½
    }

    [Fact]
    public void GaussianLogDensityMatchesClosedForm()
    {
        // x = (1, -1), μ = 0, σ² = 4: -½ Σ [log 2π + log 4 + x² / 4].
        using var x = Doubles([1, -1], 1, 2);
        using var mean = zeros([1, 2], float64);
        var expected = -0.5 * 2 * (LogDensity.Log2Pi + Math.Log(4) + 0.25);
        using var fixedVariance = LogDensity.Gaussian(x, mean, Math.Log(4));
        using var logvar = full([1, 2], Math.Log(4), float64);
        using var perDimension = LogDensity.Gaussian(x, mean, logvar);
        using var shared = full([1], Math.Log(4), float64);
        using var broadcast = LogDensity.Gaussian(x, mean, shared);
        Assert.Equal(expected, fixedVariance.ToArray<double>()[0], 1e-12);
        Assert.Equal(expected, perDimension.ToArray<double>()[0], 1e-12);
        Assert.Equal(expected, broadcast.ToArray<double>()[0], 1e-12);
    }

    [Fact]
    public void StandardNormalIsTheGaussianWithZeroMeanAndUnitVariance()
    {
        using var z = Doubles([0.5, -2, 3, 0, 1, 1], 2, 3);
        using var mean = zeros([2, 3], float64);
        using var prior = LogDensity.StandardNormal(z);
        using var gaussian = LogDensity.Gaussian(z, mean, 0.0);
        Assert.Equal(gaussian.ToArray<double>(), prior.ToArray<double>());
        Assert.Equal(-0.5 * (3 * LogDensity.Log2Pi + 0.25 + 4 + 9), prior.ToArray<double>()[0], 1e-12);
    }

    /// <summary>log p(x | l) = Σ x log σ(l) + (1 - x) log(1 - σ(l)), written out in double.</summary>
    [Fact]
    public void BernoulliLogLikelihoodMatchesTheDefinition()
    {
        double[] logits = [-30, -2, 0, 0.5, 3, 40], pixels = [0, 1, 1, 0, 1, 1];
        using var l = Doubles(logits, 2, 3);
        using var x = Doubles(pixels, 2, 3);
        using var log = LogDensity.Bernoulli(x, l);
        var expected = new double[2];
        for (var i = 0; i < 6; i++)
        {
            var p = 1 / (1 + Math.Exp(-logits[i]));
            expected[i / 3] += pixels[i] == 1 ? Math.Log(p) : Math.Log(1 - p);
        }
        var actual = log.ToArray<double>();
        Assert.Equal(expected[0], actual[0], 1e-9);
        Assert.Equal(expected[1], actual[1], 1e-9);
    }

    [Fact]
    public void BernoulliWithZeroLogitsCostsOneBitPerPixel()
    {
        using var x = ones(4, 784);
        using var logits = zeros(4, 784);
        using var log = LogDensity.Bernoulli(x, logits);
        Assert.All(log.ToArray<float>(), v => Assert.Equal(-784 * Math.Log(2), v, 1e-3));
    }

    [Fact]
    public void NegativeElboAddsReconstructionAndWeightedKl()
    {
        using var logLikelihood = Doubles([-100, -50], 2);
        using var mu = Doubles([1, 0, 0, 0], 2, 2);
        using var logvar = zeros([2, 2], float64);
        var loss = Elbo.Negative(logLikelihood, mu, logvar, beta: 4);
        Assert.Equal(new[] { 100.0, 50.0 }, loss.Reconstruction.ToArray<double>());
        Assert.Equal(new[] { 0.5, 0.0 }, loss.Kl.ToArray<double>());
        Assert.Equal(new[] { 102.0, 50.0 }, loss.Total.ToArray<double>());
        Assert.Equal(4, loss.Beta);
    }

    [Fact]
    public void BitsPerDimDividesByDimensionsTimesLn2()
    {
        Assert.Equal(1.0, BitsPerDim.FromNats(784 * Math.Log(2), 784), 1e-12);
        Assert.Equal(80 / (784 * Math.Log(2)), BitsPerDim.FromNats(80, 784), 1e-12);
        using var nats = Doubles([784 * Math.Log(2), 0], 2);
        using var bits = BitsPerDim.FromNats(nats, 784);
        Assert.Equal(1.0, bits.ToArray<double>()[0], 1e-12);
        Assert.Equal(0.0, bits.ToArray<double>()[1]);
        Assert.Throws<ArgumentOutOfRangeException>(() => BitsPerDim.FromNats(1.0, 0));
    }

    [Fact]
    public void LogMarginalIsTheLogOfTheMeanWeight()
    {
        // Weights 1 and 3 for the first example: log((1 + 3) / 2) = ln 2. Equal weights e^-100: -100.
        using var logWeights = Doubles([0, -100, Math.Log(3), -100], 2, 2);     // (k = 2, B = 2)
        using var estimate = ImportanceWeighted.LogMarginal(logWeights);
        Assert.Equal(Math.Log(2), estimate.ToArray<double>()[0], 1e-12);
        Assert.Equal(-100, estimate.ToArray<double>()[1], 1e-12);
    }

    /// <summary>Jensen: log of the mean weight ≥ the mean log weight (the ELBO), with equality for k = 1.</summary>
    [Fact]
    public void LogMarginalIsAtLeastTheMeanLogWeight()
    {
        using var logWeights = Doubles([-90, -95, -120, -101, -99, -100.5, -93, -110, -100], 3, 3);
        using var estimate = ImportanceWeighted.LogMarginal(logWeights);
        using var mean = logWeights.mean(0);
        var e = estimate.ToArray<double>();
        var m = mean.ToArray<double>();
        for (var b = 0; b < 3; b++) Assert.True(e[b] > m[b], $"example {b}: {e[b]} <= {m[b]}");
        using var single = logWeights.narrow(0, 0, 1);
        using var one = ImportanceWeighted.LogMarginal(single);
        Assert.Equal(new[] { -90.0, -95, -120 }, one.ToArray<double>());
    }

    /// <summary>log w = log p(x|z) + log N(z; 0, I) - log N(z; μ, σ²); at z = μ = 0, σ² = 1 the last two cancel.</summary>
    [Fact]
    public void LogWeightsCombineTheThreeDensities()
    {
        using var logLikelihood = Doubles([-7, -3], 2);
        using var z = zeros([2, 4], float64);
        using var logvar = zeros([2, 4], float64);
        using var w = ImportanceWeighted.LogWeights(logLikelihood, z, z, logvar);
        Assert.Equal(new[] { -7.0, -3.0 }, w.ToArray<double>());
    }

    [Fact]
    public void WrongShapesNameTheFunctionAndTheShapes()
    {
        using var mu = zeros(4, 3);
        using var logvar = zeros(4, 2);
        var kl = Assert.Throws<ArgumentException>(() => GaussianKl.ToStandardNormal(mu, logvar));
        Assert.Contains("GaussianKl.ToStandardNormal", kl.Message);
        Assert.Contains("[4, 3]", kl.Message);
        Assert.Contains("[4, 2]", kl.Message);

        using var flat = zeros(4);
        var unbatched = Assert.Throws<ArgumentException>(() => GaussianKl.ToStandardNormal(flat, flat));
        Assert.Contains("(B, Z)", unbatched.Message);
        Assert.Contains("[4]", unbatched.Message);

        using var x = zeros(4, 784);
        using var images = zeros(4, 1, 28, 28);
        var bernoulli = Assert.Throws<ArgumentException>(() => LogDensity.Bernoulli(x, images));
        Assert.Contains("LogDensity.Bernoulli", bernoulli.Message);
        Assert.Contains("[4, 1, 28, 28]", bernoulli.Message);

        using var badLogvar = zeros(3);
        var gaussian = Assert.Throws<ArgumentException>(() => LogDensity.Gaussian(x, x, badLogvar));
        Assert.Contains("broadcast", gaussian.Message);
        Assert.Contains("[3]", gaussian.Message);

        using var perExample = zeros(5);
        using var mu4 = zeros(4, 3);
        var elbo = Assert.Throws<ArgumentException>(() => Elbo.Negative(perExample, mu4, mu4));
        Assert.Contains("Elbo.Negative", elbo.Message);
        Assert.Contains("[5]", elbo.Message);
        Assert.Contains("[4, 3]", elbo.Message);
        using var ll = zeros(4);
        Assert.Throws<ArgumentOutOfRangeException>(() => Elbo.Negative(ll, mu4, mu4, beta: -1));

        var iw = Assert.Throws<ArgumentException>(() => ImportanceWeighted.LogMarginal(perExample));
        Assert.Contains("(k, B)", iw.Message);
    }
}
