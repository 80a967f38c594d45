using CourseKit.Models.Diffusion;

namespace CourseKit.Tests.Diffusion;

[Collection(nameof(SeededRandomCollection))]
public sealed class GuidanceAndUNetTests
{
    /// <summary>A stand-in network whose prediction is its label, so the guided mix can be read off.</summary>
    private static Tensor LabelAsNoise(Tensor x, Tensor t, Tensor y) => y.to(x.dtype).reshape(-1, 1, 1, 1).expand_as(x).contiguous();

    [Fact]
    public void GuidanceMixesConditionalAndUnconditionalPredictions()
    {
        using var x = zeros(3, 1, 2, 2);
        using var t = tensor(new long[] { 5, 5, 5 });
        using var y = tensor(new long[] { 1, 2, 3 });
        using var plain = ClassifierFreeGuidance.Guided(LabelAsNoise, y, w: 0, nullLabel: 10)(x, t);
        Assert.Equal(new[] { 1f, 2f, 3f }, plain.select(1, 0).select(1, 0).select(1, 0).ToArray<float>());
        using var guided = ClassifierFreeGuidance.Guided(LabelAsNoise, y, w: 3, nullLabel: 10)(x, t);
        // (1 + w) y − w ∅ = 4 y − 30
        Assert.Equal(new[] { -26f, -22f, -18f }, guided.select(1, 0).select(1, 0).select(1, 0).ToArray<float>());
    }

    [Fact]
    public void DropLabelsReplacesTheRequestedShare()
    {
        manual_seed(11);
        using var y = zeros([100_000], int64);
        using var none = ClassifierFreeGuidance.DropLabels(y, 0, 10);
        Assert.Equal(0, none.sum().item<long>());
        using var all = ClassifierFreeGuidance.DropLabels(y, 1, 10);
        Assert.Equal(1_000_000, all.sum().item<long>());
        using var some = ClassifierFreeGuidance.DropLabels(y, 0.2, 10);
        Assert.Equal(0.2, some.sum().item<long>() / 10.0 / 100_000, 0.005);
    }

    [Fact]
    public void SinusoidalEmbeddingHasSinesThenCosines()
    {
        using var e = SinusoidalEmbedding.Of(tensor(new long[] { 0, 1 }), 8);
        var values = e.ToArray<float>();
        Assert.Equal(new float[] { 0, 0, 0, 0, 1, 1, 1, 1 }, values[..8]);
        Assert.Equal(Math.Sin(1), values[8], 1e-6);                          // ω_0 = 1
        Assert.Equal(Math.Cos(Math.Pow(10000, -0.25)), values[13], 1e-6);    // cos(t ω_1), ω_1 = 10000^(−1/4)
        Assert.Throws<ArgumentOutOfRangeException>(() => SinusoidalEmbedding.Of(tensor(new long[] { 0 }), 7));
    }

    [Fact]
    public void UNetKeepsTheImageShapeAndTrainsEveryParameter()
    {
        manual_seed(12);
        using var unet = new UNet(new UNetSettings { BaseChannels = 16, EmbeddingSize = 32 });
        using var x = randn(2, 1, 28, 28);
        using var t = tensor(new long[] { 0, 999 });
        using var eps = unet.call(x, t);
        Assert.Equal(new long[] { 2, 1, 28, 28 }, eps.shape);
        using var loss = new GaussianDiffusion().Loss(unet.Predictor(), x);
        loss.backward();
        foreach (var (name, p) in unet.named_parameters())
        {
            using var grad = p.grad ?? throw new Xunit.Sdk.XunitException($"{name} has no gradient");
            Assert.True(grad.abs().sum().item<float>() > 0, $"{name}'s gradient is zero");
        }
    }

    [Fact]
    public void ConditionalUNetDependsOnTheLabelAndKnowsTheNullLabel()
    {
        manual_seed(13);
        using var unet = new UNet(new UNetSettings { BaseChannels = 16, EmbeddingSize = 32, NumClasses = 10, Attention = false });
        Assert.Equal(10, unet.NullLabel);
        using var x = randn(2, 1, 28, 28);
        using var t = tensor(new long[] { 50, 50 });
        using var a = unet.call(x, t, tensor(new long[] { 3, 3 }));
        using var b = unet.call(x, t, tensor(new long[] { 7, 7 }));
        using var none = unet.call(x, t);
        using var nullLabel = unet.call(x, t, tensor(new long[] { 10, 10 }));
        Assert.False(allclose(a, b, rtol: 0, atol: 1e-6), "the label must change the prediction");
        Assert.True(allclose(none, nullLabel, rtol: 0, atol: 0), "no label is the null label");
    }

    [Fact]
    public void UNetRejectsWrongInputs()
    {
        using var unet = new UNet(new UNetSettings { BaseChannels = 16, EmbeddingSize = 32 });
        using var t = tensor(new long[] { 1, 2 });
        Assert.Contains("expected x_t of shape (B, 1, 28, 28), got (2, 1, 14, 14)",
            Assert.Throws<ArgumentException>(() => unet.call(zeros(2, 1, 14, 14), t)).Message);
        Assert.Contains("expected t of shape (2)", Assert.Throws<ArgumentException>(() => unet.call(zeros(2, 1, 28, 28), tensor(new long[] { 1 }))).Message);
        Assert.Contains("unconditional", Assert.Throws<ArgumentException>(() => unet.call(zeros(2, 1, 28, 28), t, tensor(new long[] { 0, 1 }))).Message);
        Assert.Throws<ArgumentException>(() => new UNet(new UNetSettings { ImageSize = 30 }));
    }
}
