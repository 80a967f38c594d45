using CourseKit.Losses;
using CourseKit.Models;

namespace CourseKit.Tests.Autoregressive;

/// <summary>
/// A constant model, whose every conditional is p(x_i = 1 | x_&lt;i) = σ(c), against the closed form
/// -log p(x) = -(k log σ(c) + (D - k) log(1 - σ(c))) for an image with k ones among D pixels; and
/// the conversion to bits/dim, -log p(x) / (D ln 2).
/// </summary>
public sealed class LikelihoodTests
{
    /// <summary>A PixelCNN whose weights are all zero and whose output bias is c: logits = c everywhere.</summary>
    internal static PixelCnn ConstantPixelCnn(double c)
    {
        var model = new PixelCnn(new PixelCnnSettings { Channels = 4, Layers = 1 }).to(float64);
        using var _ = no_grad();
        foreach (var p in model.parameters()) p.zero_();
        model.output.parameters().Last().fill_(c);                           // output bias
        return model;
    }

    private static double ClosedForm(double c, long ones, long d)
    {
        var p = 1 / (1 + Math.Exp(-c));
        return -(ones * Math.Log(p) + (d - ones) * Math.Log(1 - p));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.5)]
    [InlineData(-3.0)]
    public void ConstantModelMatchesClosedForm(double c)
    {
        manual_seed(7);
        using var model = ConstantPixelCnn(c);
        using var x = bernoulli(full([5, 1, 28, 28], 0.3, float64));         // (5, 1, 28, 28)
        using var logits = model.call(x);
        using var nll = BernoulliPixels.NegativeLogLikelihood(logits, x);   // (5)
        using var ones = x.flatten(1).sum(1);
        var k = ones.ToArray<double>();
        var got = nll.ToArray<double>();
        for (var b = 0; b < 5; b++) Assert.Equal(ClosedForm(c, (long)k[b], 784), got[b], 1e-9);
    }

    [Fact]
    public void FairCoinGivesOneBitPerDimension()
    {
        using var model = ConstantPixelCnn(0);
        using var x = bernoulli(full([3, 1, 7, 7], 0.5, float64));
        using var nll = BernoulliPixels.NegativeLogLikelihood(model.call(x), x);
        Assert.All(nll.ToArray<double>(), v => Assert.Equal(49 * Math.Log(2), v, 1e-12));
        Assert.Equal(1.0, BitsPerDim.FromNats(49 * Math.Log(2), 49), 1e-12);
    }

    [Fact]
    public void EvaluateAveragesOverTheLoaderInNatsAndBits()
    {
        manual_seed(8);
        using var model = ConstantPixelCnn(-1);
        using var x = bernoulli(full([10, 1, 28, 28], 0.2, float64));
        using var y = zeros(10);
        var loader = new CourseKit.Data.DataLoader(x, y, batch_size: 4);
        var (nats, bits) = BernoulliPixels.Evaluate(model, loader);
        using var ones = x.flatten(1).sum(1);
        var expected = ones.ToArray<double>().Average(k => ClosedForm(-1, (long)k, 784));
        Assert.Equal(expected, nats, 1e-9);
        Assert.Equal(expected / (784 * Math.Log(2)), bits, 1e-12);
    }

    [Fact]
    public void NegativeLogLikelihoodRejectsAShapeMismatch()
    {
        using var logits = zeros(2, 1, 4, 4);
        using var x = zeros(2, 1, 4, 5);
        Assert.ThrowsAny<Exception>(() => BernoulliPixels.NegativeLogLikelihood(logits, x));
    }
}
