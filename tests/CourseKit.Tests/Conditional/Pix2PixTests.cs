using CourseKit.Models;

namespace CourseKit.Tests.Conditional;

/// <summary>
/// pix2pix-lite: the U-Net's and the PatchGAN's shapes and reach (skip connections carry the input straight to
/// the output; each patch logit sees 18 × 18 pixels), the losses against hand computations, the masked-digit
/// pairs, and one step of each trainer.
/// </summary>
[Collection(nameof(SeededRandomCollection))]
public sealed class Pix2PixTests
{
    [Fact]
    public void UNetMapsImagesToImagesAndTheConditionChangesTheOutput()
    {
        manual_seed(21);
        using var g = new Pix2PixSettings { GeneratorChannels = 8, Dropout = 0 }.Generator();
        g.eval();
        using var scope = NewDisposeScope();
        var x = rand(3, 1, 28, 28) * 2 - 1;
        var y = g.call(x);
        Assert.Equal([3L, 1, 28, 28], y.shape);
        Assert.True(y.abs().max().item<float>() <= 1);
        var bump = zeros(3, 1, 28, 28);
        bump[0, 0, 5, 5].fill_(0.5);                                          // one input pixel of example 0
        var changed = x + bump;
        var y2 = g.call(changed);
        Assert.True((y2[0] - y[0]).abs().max().item<float>() > 0, "the output ignores the input");
        Assert.True((y2[1..] - y[1..]).abs().max().item<float>() == 0, "examples of the batch interact in evaluation mode");
        Assert.Throws<ArgumentException>(() => g.call(rand(2, 1, 32, 32)));
    }

    [Fact]
    public void PatchDiscriminatorGivesA7By7GridOf18PixelPatches()
    {
        manual_seed(22);
        using var d = new Pix2PixSettings { DiscriminatorChannels = 4 }.Discriminator();
        d.eval();
        using var scope = NewDisposeScope();
        var x = (rand(2, 1, 28, 28) * 2 - 1).requires_grad_();
        var y = (rand(2, 1, 28, 28) * 2 - 1).requires_grad_();
        var logits = d.call(x, y);
        Assert.Equal([2L, 1, 7, 7], logits.shape);
        logits[0, 0, 3, 3].backward();                                        // the centre patch of example 0
        var seen = (x.grad!.abs() + y.grad!.abs())[0, 0];                     // (28, 28)
        var rows = seen.sum(1).gt(0).nonzero().flatten().ToArray<long>();
        var cols = seen.sum(0).gt(0).nonzero().flatten().ToArray<long>();
        Assert.Equal(18, rows.Length);                                        // the receptive field: 3 → 8 → 18
        Assert.Equal(18, cols.Length);
        Assert.Equal(0, x.grad![1].abs().sum().item<float>());                // one patch sees one example
    }

    [Fact]
    public void LossesMatchHandComputations()
    {
        using var scope = NewDisposeScope();
        // Patch logits d: softplus(−0) = ln 2, softplus(−ln 3) = ln(4/3), softplus(ln 3) = ln 4, softplus(−(−ln 3)) = ln 4.
        var ln3 = Math.Log(3);
        var fake = tensor(new double[] { 0, ln3, -ln3, 0 }, [1, 1, 2, 2]);
        var real = tensor(new double[] { ln3, ln3, 0, 0 }, [1, 1, 2, 2]);
        var adversarial = (Math.Log(2) + Math.Log(4.0 / 3) + Math.Log(4) + Math.Log(2)) / 4;
        Assert.Equal(adversarial, Pix2PixLosses.Adversarial(fake).item<double>(), 12);
        var output = tensor(new double[] { 1, -1, 0.5, 0 }, [1, 1, 2, 2]);
        var target = tensor(new double[] { 1, 1, -0.5, 0.25 }, [1, 1, 2, 2]);
        var l1 = (0 + 2 + 1 + 0.25) / 4;                                      // mean |y − G(x)|
        Assert.Equal(l1, Pix2PixLosses.L1(output, target).item<double>(), 12);
        Assert.Equal(adversarial + 100 * l1, Pix2PixLosses.Generator(fake, output, target).item<double>(), 10);
        Assert.Equal(adversarial, Pix2PixLosses.Generator(fake, output, target, lambda: 0).item<double>(), 12);
        // D: ½ [mean softplus(−d_real) + mean softplus(d_fake)].
        var realTerm = (2 * Math.Log(4.0 / 3) + 2 * Math.Log(2)) / 4;
        var fakeTerm = (Math.Log(2) + Math.Log(4) + Math.Log(4.0 / 3) + Math.Log(2)) / 4;
        Assert.Equal(0.5 * (realTerm + fakeTerm), Pix2PixLosses.Discriminator(real, fake).item<double>(), 12);
        // At D = ½ everywhere the discriminator's loss is ln 2 (half of ln 4).
        Assert.Equal(Math.Log(2), Pix2PixLosses.Discriminator(zeros(3, 1, 7, 7), zeros(3, 1, 7, 7)).item<float>(), 6);
        Assert.Throws<ArgumentException>(() => Pix2PixLosses.L1(zeros(1, 1, 2, 2), zeros(1, 1, 2, 3)));
    }

    [Fact]
    public void InpaintingPairsHideTheLowerRowsDeterministically()
    {
        using var scope = NewDisposeScope();
        var images = arange(2 * 28 * 28, dtype: float32).reshape(2, 1, 28, 28) / (2 * 28 * 28);   // (2, 1, 28, 28) in [0, 1)
        var (x, y) = InpaintingPairs.Make(images);
        Assert.True(torch.allclose(y, images * 2 - 1));
        Assert.True(torch.allclose(x[.., .., ..14], y[.., .., ..14]));
        Assert.Equal(0, x[.., .., 14..].abs().sum().item<float>());
        var (x2, _) = InpaintingPairs.Make(images);
        Assert.Equal(0, (x2 - x).abs().max().item<float>());
        Assert.Throws<ArgumentOutOfRangeException>(() => InpaintingPairs.Make(images, 28));
    }

    [Fact]
    public void TrainersStepWithAndWithoutTheAdversary()
    {
        manual_seed(23);
        var settings = new Pix2PixSettings { GeneratorChannels = 4, DiscriminatorChannels = 4 };
        using var scope = NewDisposeScope();
        var (x, y) = InpaintingPairs.Make(rand(4, 1, 28, 28));
        using var g1 = settings.Generator();
        var l1Only = new Pix2PixTrainer(g1, optim.Adam(g1.parameters(), lr: 2e-4, beta1: 0.5));
        var log1 = l1Only.Step(x, y);
        Assert.False(l1Only.Adversarial);
        Assert.Equal(0, log1.DiscriminatorLoss);
        Assert.True(log1.L1 > 0);
        using var g2 = settings.Generator();
        using var d = settings.Discriminator();
        var gan = new Pix2PixTrainer(g2, optim.Adam(g2.parameters(), lr: 2e-4, beta1: 0.5), d, optim.Adam(d.parameters(), lr: 2e-4, beta1: 0.5));
        var log2 = gan.Step(x, y);
        Assert.True(log2.DiscriminatorLoss > 0 && log2.Adversarial > 0 && log2.L1 > 0);
        Assert.Throws<ArgumentException>(() => new Pix2PixTrainer(g2, optim.Adam(g2.parameters()), d));
    }
}
