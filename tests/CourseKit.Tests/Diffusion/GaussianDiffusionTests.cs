using CourseKit.Models.Diffusion;

namespace CourseKit.Tests.Diffusion;

/// <summary>
/// The forward process, the posterior and the reverse step against formulas derived here independently
/// (Bayes' rule for two Gaussians; the optimal noise predictor of Gaussian data), in float64.
/// </summary>
[Collection(nameof(SeededRandomCollection))]
public sealed class GaussianDiffusionTests
{
    private static readonly GaussianDiffusion Ddpm = new();

    private static Tensor Steps(params long[] t) => tensor(t);

    [Theory]
    [InlineData(0)]
    [InlineData(300)]
    [InlineData(999)]
    public void QSampleHasTheMeanAndVarianceOfTheClosedForm(int t)
    {
        manual_seed(1);
        const int n = 200_000;
        using var x0 = tensor(new[] { 1.0, -0.5, 0.25 }, [1, 3], float64).expand(n, 3).contiguous();
        using var xt = Ddpm.QSample(x0, full([n], t, int64));
        var alphaBar = Ddpm.Schedule.AlphaBar[t];
        var mean = xt.mean([0]).ToArray<double>();
        var variance = xt.var([0]).ToArray<double>();
        var x = new[] { 1.0, -0.5, 0.25 };
        for (var k = 0; k < 3; k++)
        {
            var sd = Math.Sqrt(1 - alphaBar);
            Assert.Equal(Math.Sqrt(alphaBar) * x[k], mean[k], 5 * sd / Math.Sqrt(n));      // 5 standard errors
            Assert.Equal(1 - alphaBar, variance[k], 5 * (1 - alphaBar) * Math.Sqrt(2.0 / n));
        }
    }

    [Fact]
    public void PredictStartFromNoiseInvertsQSample()
    {
        manual_seed(2);
        using var x0 = randn([4, 1, 5, 5], float64);
        using var noise = randn([4, 1, 5, 5], float64);
        using var t = Steps(0, 10, 500, 999);
        using var xt = Ddpm.QSample(x0, t, noise);
        using var recovered = Ddpm.PredictStartFromNoise(xt, t, noise);
        Assert.True(allclose(recovered, x0, rtol: 0, atol: 1e-9), "x̂_0 from the true noise must be x_0");
    }

    /// <summary>
    /// q(x_{t−1} | x_t, x_0) ∝ q(x_t | x_{t−1}) q(x_{t−1} | x_0): completing the square gives precision
    /// 1/(1 − ᾱ_{t−1}) + α_t/β_t and mean (√ᾱ_{t−1} x_0/(1 − ᾱ_{t−1}) + √α_t x_t/β_t) / precision.
    /// </summary>
    [Fact]
    public void PosteriorMatchesBayesRule()
    {
        var s = Ddpm.Schedule;
        long[] steps = [1, 2, 50, 500, 999];
        using var x0 = tensor(new[] { 0.7, -1.2, 0.1, 2.0, -0.3 }, [5, 1], float64);
        using var xt = tensor(new[] { -0.4, 0.9, 1.5, -2.2, 0.05 }, [5, 1], float64);
        using var mean = Ddpm.PosteriorMean(x0, xt, Steps(steps));
        var actual = mean.ToArray<double>();
        var a = x0.ToArray<double>();
        var b = xt.ToArray<double>();
        for (var k = 0; k < steps.Length; k++)
        {
            var t = (int)steps[k];
            var precision = 1 / (1 - s.AlphaBarPrev[t]) + s.Alpha[t] / s.Beta[t];
            var expected = (Math.Sqrt(s.AlphaBarPrev[t]) * a[k] / (1 - s.AlphaBarPrev[t]) + Math.Sqrt(s.Alpha[t]) * b[k] / s.Beta[t]) / precision;
            Assert.Equal(expected, actual[k], 1e-9);
            Assert.Equal(1 / precision, s.PosteriorVariance(t), 1e-12);
        }
        // At the first step the posterior is the clean image itself.
        using var first = Ddpm.PosteriorMean(x0, xt, Steps(0, 0, 0, 0, 0));
        Assert.True(allclose(first, x0, rtol: 0, atol: 1e-12));
    }

    /// <summary>Algorithm 2's mean, 1/√α_t (x_t − β_t/√(1 − ᾱ_t) ε), is the posterior mean at x̂_0(ε).</summary>
    [Fact]
    public void ReverseStepIsThePosteriorAtThePredictedStartPlusNoise()
    {
        manual_seed(3);
        using var xt = randn([3, 1, 4, 4], float64);
        using var epsilon = randn([3, 1, 4, 4], float64);
        using var z = randn([3, 1, 4, 4], float64);
        foreach (var t in new[] { 1, 400, 999 })
        {
            using var step = Ddpm.PSample((_, _) => epsilon.clone(), xt, t, z);
            using var tt = full([3], t, int64);
            using var x0 = Ddpm.PredictStartFromNoise(xt, tt, epsilon);
            using var mean = Ddpm.PosteriorMean(x0, xt, tt);
            using var expected = mean + Math.Sqrt(Ddpm.Schedule.Beta[t]) * z;
            Assert.True(allclose(step, expected, rtol: 0, atol: 1e-9), $"t = {t}");
        }
    }

    [Fact]
    public void TheLastReverseStepAddsNoNoise()
    {
        using var xt = randn([2, 1, 3, 3], float64);
        NoisePredictor model = (x, _) => 0.3 * x;
        manual_seed(4);
        using var first = Ddpm.PSample(model, xt, 0);
        manual_seed(5);
        using var second = Ddpm.PSample(model, xt, 0);
        Assert.True(allclose(first, second, rtol: 0, atol: 0), "t = 0 must be deterministic");
        manual_seed(4);
        using var noisy1 = Ddpm.PSample(model, xt, 1);
        manual_seed(5);
        using var noisy2 = Ddpm.PSample(model, xt, 1);
        Assert.False(allclose(noisy1, noisy2, rtol: 0, atol: 1e-6), "t = 1 must add noise");
    }

    /// <summary>DDIM with η = 1 over all T steps is DDPM with σ_t² = β̃_t (Song et al. 2021, §4.1), step by step.</summary>
    [Fact]
    public void DdimWithEtaOneOverAllStepsIsDdpm()
    {
        manual_seed(6);
        var ddpm = new GaussianDiffusion(variance: ReverseVariance.PosteriorBetaTilde);
        using var xt = randn([2, 1, 4, 4], float64);
        using var z = randn([2, 1, 4, 4], float64);
        NoisePredictor model = (x, t) => 0.5 * x.tanh() + 1e-4 * t.to(float64).reshape(-1, 1, 1, 1);
        foreach (var t in new[] { 0, 1, 2, 100, 998, 999 })
        {
            using var expected = ddpm.PSample(model, xt, t, z);
            using var actual = ddpm.DdimStep(model, xt, t, t - 1, eta: 1, z);
            Assert.True(allclose(actual, expected, rtol: 0, atol: 1e-9), $"t = {t}");
        }
    }

    /// <summary>
    /// Clipping x̂_0 changes nothing where the predicted clean image is already in [−1, 1], and otherwise steps towards
    /// the posterior of the clipped x̂_0; the last step then returns clip(x̂_0) itself, inside the data's range.
    /// </summary>
    [Fact]
    public void ClippingTheDenoisedImageKeepsStepsInsideTheDataRange()
    {
        manual_seed(9);
        using var xt = randn([2, 1, 4, 4], float64);
        using var z = randn([2, 1, 4, 4], float64);
        NoisePredictor mild = (x, t) => PredictorOf(x, t, x.tanh() * 0.5);                    // x̂_0 = 0.5 tanh(x_t) ∈ (−0.5, 0.5)
        NoisePredictor wild = (x, t) => PredictorOf(x, t, x * 3);                              // x̂_0 = 3 x_t, mostly outside [−1, 1]
        foreach (var t in new[] { 0, 1, 300, 999 })
        {
            using var plain = Ddpm.PSample(mild, xt, t, z);
            using var clipped = Ddpm.PSample(mild, xt, t, z, clipDenoised: true);
            Assert.True(allclose(plain, clipped, rtol: 0, atol: 1e-9), $"PSample, x̂_0 in range, t = {t}");
            using var plainDdim = Ddpm.DdimStep(mild, xt, t, t - 1, eta: 0.5, z);
            using var clippedDdim = Ddpm.DdimStep(mild, xt, t, t - 1, eta: 0.5, z, clipDenoised: true);
            Assert.True(allclose(plainDdim, clippedDdim, rtol: 0, atol: 1e-9), $"DdimStep, x̂_0 in range, t = {t}");

            using var tt = full([2], t, int64);
            using var x0 = (xt * 3).clamp(-1, 1);
            using var expected = Ddpm.PosteriorMean(x0, xt, tt) + (t == 0 ? 0 : Math.Sqrt(Ddpm.Schedule.Beta[t])) * z;
            using var step = Ddpm.PSample(wild, xt, t, z, clipDenoised: true);
            Assert.True(allclose(step, expected, rtol: 0, atol: 1e-9), $"PSample, clipped x̂_0, t = {t}");
        }
        using var last = Ddpm.PSample(wild, xt, 0, clipDenoised: true);
        using var lastDdim = Ddpm.DdimStep(wild, xt, 20, -1, clipDenoised: true);
        using var range = (xt * 3).clamp(-1, 1);
        Assert.True(allclose(last, range, rtol: 0, atol: 1e-9), "PSample at t = 0 returns clip(x̂_0)");
        Assert.True(allclose(lastDdim, range, rtol: 0, atol: 1e-9), "DdimStep to the data returns clip(x̂_0)");
    }

    /// <summary>The ε under which the network's implied clean image at steps t is <paramref name="x0"/>: (x_t − √ᾱ_t x̂_0) / √(1 − ᾱ_t).</summary>
    private static Tensor PredictorOf(Tensor xt, Tensor t, Tensor x0)
    {
        var alphaBar = tensor(t.ToArray<long>().Select(k => Ddpm.Schedule.AlphaBar[(int)k]).ToArray(), [t.shape[0], 1, 1, 1], float64);
        return (xt - alphaBar.sqrt() * x0) / (1 - alphaBar).sqrt();
    }

    [Fact]
    public void DdimVisitsEvenlySpacedStepsDownToZero()
    {
        Assert.Equal(Enumerable.Range(0, 1000).Reverse(), Ddpm.DdimTimesteps(1000));
        var fifty = Ddpm.DdimTimesteps(50);
        Assert.Equal(50, fifty.Length);
        Assert.Equal(980, fifty[0]);
        Assert.Equal(0, fifty[^1]);
        Assert.All(fifty.Zip(fifty.Skip(1)), p => Assert.Equal(20, p.First - p.Second));
        Assert.Throws<ArgumentOutOfRangeException>(() => Ddpm.DdimTimesteps(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Ddpm.DdimTimesteps(1001));
    }

    [Fact]
    public void DdimWithEtaZeroIsDeterministic()
    {
        var diffusion = new GaussianDiffusion(NoiseSchedule.Linear(100));
        NoisePredictor model = (x, _) => 0.2 * x;
        manual_seed(7);
        using var noise = randn([2, 1, 3, 3]);
        using var a = diffusion.DdimStep(model, noise, 99, 49, eta: 0);
        manual_seed(8);
        using var b = diffusion.DdimStep(model, noise, 99, 49, eta: 0);
        Assert.True(allclose(a, b, rtol: 0, atol: 0));
    }

    /// <summary>
    /// For data x_0 ~ N(0, I) the best noise predictor is E[ε | x_t] = √(1 − ᾱ_t) x_t, and DDPM's sampler
    /// with σ_t² = β_t then maps N(0, I) to N(0, I) exactly; the samples' moments say whether the loop runs
    /// every step once, in order, with the right noise.
    /// </summary>
    [Fact]
    public void SamplingWithTheOptimalPredictorOfGaussianDataGivesThatGaussian()
    {
        manual_seed(9);
        var diffusion = new GaussianDiffusion(NoiseSchedule.Linear(200, 1e-3, 0.05));
        var alphaBar = diffusion.Schedule.AlphaBar;
        NoisePredictor optimal = (x, t) =>
        {
            var k = (int)t[0].item<long>();
            return Math.Sqrt(1 - alphaBar[k]) * x;
        };
        var visited = new List<int>();
        using var samples = diffusion.Sample(optimal, [20_000, 1], observe: (t, _) => visited.Add(t));
        Assert.Equal(Enumerable.Range(0, 200).Reverse(), visited);
        Assert.Equal(0, samples.mean().item<float>(), 0.03);
        Assert.Equal(1, samples.var().item<float>(), 0.04);
    }

    [Fact]
    public void LossIsZeroForThePerfectPredictorAndTheNoisePowerForZero()
    {
        manual_seed(10);
        using var x0 = randn([8, 1, 4, 4]);
        using var noise = randn([8, 1, 4, 4]);
        using var t = randint(1000, [8]);
        using var perfect = Ddpm.Loss((_, _) => noise.clone(), x0, t, noise);
        Assert.Equal(0, perfect.item<float>(), 1e-7);
        using var zero = Ddpm.Loss((x, _) => zeros_like(x), x0, t, noise);
        using var power = noise.square().mean();
        Assert.Equal(power.item<float>(), zero.item<float>(), 1e-6);
    }

    [Fact]
    public void BadStepsAndShapesGetClearErrors()
    {
        using var x0 = zeros(4, 1, 3, 3);
        var wrongCount = Assert.Throws<ArgumentException>(() => Ddpm.QSample(x0, Steps(1, 2)));
        Assert.Contains("t must be one step per example, shape (4)", wrongCount.Message);
        var outOfRange = Assert.Throws<ArgumentOutOfRangeException>(() => Ddpm.QSample(x0, Steps(0, 1, 2, 1000)));
        Assert.Contains("step 1000 is outside 0 … 999", outOfRange.Message);
        Assert.Contains("integer steps", Assert.Throws<ArgumentException>(() => Ddpm.QSample(x0, zeros(4))).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => Ddpm.PSample((x, _) => x, x0, 1000));
        var wrongOutput = Assert.Throws<ArgumentException>(() => Ddpm.PSample((x, _) => x.flatten(1), x0, 5));
        Assert.Contains("noise predictor's output: expected shape (4, 1, 3, 3), got (4, 9)", wrongOutput.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => Ddpm.DdimStep((x, _) => x, x0, 5, 5));
    }
}
