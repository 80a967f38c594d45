using CourseKit.Models;

namespace CourseKit.Tests.Autoregressive;

/// <summary>
/// The pixel-by-pixel sampler on a constant model, whose pixels are independent Bernoulli(σ(c / T)):
/// the fraction of ones must match within 4 binomial standard deviations (fixed seed).
/// </summary>
public sealed class SamplerTests
{
    [Theory]
    [InlineData(1.0, 1.0)]
    [InlineData(1.0, 0.5)]
    [InlineData(-2.0, 2.0)]
    public void ConstantModelSamplesBernoulliAtTheTemperature(double c, double temperature)
    {
        manual_seed(9);
        using var model = LikelihoodTests.ConstantPixelCnn(c);
        using var x = AutoregressiveSampler.Sample(model, 64, 7, 7, temperature);   // (64, 1, 7, 7)
        Assert.Equal(new long[] { 64, 1, 7, 7 }, x.shape);
        var values = x.ToArray<double>();
        Assert.All(values, v => Assert.True(v == 0 || v == 1));
        var p = 1 / (1 + Math.Exp(-c / temperature));
        var n = values.Length;
        Assert.True(Math.Abs(values.Average() - p) < 4 * Math.Sqrt(p * (1 - p) / n), $"fraction of ones {values.Average()} vs p = {p}");
    }

    [Fact]
    public void MadeSamplesBinaryImagesOfItsSize()
    {
        manual_seed(10);
        using var model = new Made(new MadeSettings { Height = 3, Width = 3, HiddenSizes = [16] });
        using var x = AutoregressiveSampler.Sample(model, 8, 3, 3);
        Assert.Equal(new long[] { 8, 1, 3, 3 }, x.shape);
        Assert.All(x.ToArray<float>(), v => Assert.True(v == 0 || v == 1));
    }

    [Fact]
    public void BadArgumentsGiveClearErrors()
    {
        using var model = new Made(new MadeSettings { Height = 4, Width = 4, HiddenSizes = [8] });
        Assert.Throws<ArgumentOutOfRangeException>(() => AutoregressiveSampler.Sample(model, 2, 4, 4, temperature: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => AutoregressiveSampler.Sample(model, 0, 4, 4));
        var e = Assert.Throws<ArgumentException>(() => AutoregressiveSampler.Sample(model, 2, 5, 5));
        Assert.Contains("4 x 4", e.Message);
        using var wrong = zeros(2, 1, 5, 5);
        Assert.Throws<TorchException>(() => model.call(wrong));
    }
}
