using CourseKit.Losses;
using CourseKit.Models;

namespace CourseKit.Tests.Conditional;

/// <summary>
/// The conditional VAE, the class-conditional DCGAN (projection discriminator) and the class-conditional Gated
/// PixelCNN: shapes, that the label changes the output (and nothing else does where it must not), the loss of the
/// CVAE against its closed form, the projection term against a hand computation, and one training step each.
/// Fixed seeds; float32 tolerances 1e-5 relative unless stated.
/// </summary>
[Collection(nameof(SeededRandomCollection))]
public sealed class ConditionalModelTests
{
    [Fact]
    public void ConditionalVaeShapesAndTheLabelChangesTheDecoding()
    {
        manual_seed(11);
        using var model = new ConditionalVae(new ConditionalVaeSettings { LatentSize = 4, HiddenSize = 32 });
        using var scope = NewDisposeScope();
        var x = rand(5, 1, 28, 28);
        var y = tensor(new long[] { 0, 1, 2, 3, 9 });
        var o = model.call(x, y);
        Assert.Equal([5L, 1, 28, 28], o.Recon.shape);
        Assert.Equal([5L, 4], o.Mu.shape);
        Assert.Equal([5L, 4], o.LogVar.shape);
        Assert.Equal([5L, 4], o.Z.shape);

        var z = randn(1, 4).expand(10, 4);                                    // one z under every label
        var images = model.DecodeMean(z, arange(10));                         // (10, 1, 28, 28)
        Assert.Equal([10L, 1, 28, 28], images.shape);
        for (var k = 1; k < 10; k++)
            Assert.True((images[k] - images[0]).abs().max().item<float>() > 1e-4, $"label {k} decodes like label 0");
        var same = model.DecodeMean(z[..2], tensor(new long[] { 3, 3 }));
        Assert.True((same[0] - same[1]).abs().max().item<float>() == 0, "same z and label must decode identically");
        Assert.Throws<ArgumentException>(() => model.Decode(randn(2, 4), tensor(new long[] { 1 })));
    }

    [Fact]
    public void ConditionalVaeLossIsTheConditionalElboByHand()
    {
        manual_seed(12);
        using var model = new ConditionalVae(new ConditionalVaeSettings { LatentSize = 3, HiddenSize = 16 }).to(float64);
        using var scope = NewDisposeScope();
        var x = rand([4, 1, 28, 28], float64);
        var y = tensor(new long[] { 7, 2, 2, 0 });
        manual_seed(5);
        var loss = model.Loss(x, y);                                          // per example, (4)
        manual_seed(5);                                                       // the same ε
        var (mu, logvar) = model.Encode(x, y);
        var z = mu + (logvar * 0.5).exp() * randn_like(mu);
        var logits = model.Decode(z, y);                                      // (4, 784)
        var bce = (logits.exp() + 1).log() - x.flatten(1) * logits;           // −log Bernoulli(x | σ(ℓ)), (4, 784)
        var kl = ((mu * mu + logvar.exp() - logvar - 1) * 0.5).sum(1);        // (4)
        var expected = bce.sum(1) + kl;
        Assert.True(torch.allclose(loss.Total, expected, rtol: 1e-10, atol: 1e-8), $"{loss.Total} vs {expected}");
        Assert.True(torch.allclose(loss.Kl, kl, rtol: 1e-10, atol: 1e-10));
    }

    [Fact]
    public void ConditionalGeneratorFollowsItsLabel()
    {
        manual_seed(13);
        var settings = new ConditionalDcganSettings { Network = new DcganSettings { LatentSize = 8, BaseChannels = 8 } };
        using var g = settings.Generator();
        using var scope = NewDisposeScope();
        var z = g.Prior(1).expand(10, 8);                                     // (10, 8), one code
        var images = g.Decode(z, arange(10));                                 // (10, 1, 28, 28)
        Assert.Equal([10L, 1, 28, 28], images.shape);
        Assert.True(images.abs().max().item<float>() <= 1);
        for (var k = 1; k < 10; k++)
            Assert.True((images[k] - images[0]).abs().max().item<float>() > 1e-5, $"label {k} draws like label 0");
        Assert.Equal(["net.0.weight", "net.0.bias"], g.named_parameters().Select(p => p.name).Take(2));
        Assert.Contains("label_embedding.weight", g.named_parameters().Select(p => p.name));
        Assert.Throws<ArgumentException>(() => g.call(randn(3, 8), tensor(new long[] { 1, 2 })));
    }

    [Fact]
    public void ProjectionDiscriminatorAddsTheInnerProductOfTheClassVector()
    {
        manual_seed(14);
        var settings = new ConditionalDcganSettings { Network = new DcganSettings { LatentSize = 8, BaseChannels = 4 } };
        using var d = settings.Discriminator();
        d.eval();
        using var scope = NewDisposeScope();
        var x = rand(3, 1, 28, 28) * 2 - 1;
        var y = tensor(new long[] { 4, 0, 9 });
        var logits = d.call(x, y);                                            // (3, 1)
        Assert.Equal([3L, 1], logits.shape);
        var phi = d.phi.call(x);                                              // (3, F), F = 2·4·7·7
        Assert.Equal([3L, 2 * 4 * 7 * 7], phi.shape);
        var expected = d.psi.call(phi).squeeze(1) + (d.embed.weight.index_select(0, y) * phi).sum(1);   // ψ(φ) + ⟨V_y, φ⟩
        Assert.True(torch.allclose(logits.squeeze(1), expected, rtol: 1e-5, atol: 1e-6));
        // Changing the label changes exactly the projection term.
        var other = tensor(new long[] { 1, 1, 1 });
        var difference = d.call(x, other).squeeze(1) - logits.squeeze(1);
        var byHand = ((d.embed.weight.index_select(0, other) - d.embed.weight.index_select(0, y)) * phi).sum(1);
        Assert.True(torch.allclose(difference, byHand, rtol: 1e-4, atol: 1e-6));
        Assert.True(difference.abs().min().item<float>() > 0);
    }

    [Fact]
    public void ConditionalGanTrainerStepsBothPlayers()
    {
        manual_seed(15);
        var settings = new ConditionalDcganSettings { Network = new DcganSettings { LatentSize = 8, BaseChannels = 4 } };
        using var g = settings.Generator();
        using var d = settings.Discriminator();
        var before = g.parameters().First().clone();
        var trainer = new ConditionalGanTrainer(g, d, optim.Adam(g.parameters(), lr: 1e-3), optim.Adam(d.parameters(), lr: 1e-3));
        var log = trainer.Step(rand(6, 1, 28, 28) * 2 - 1, tensor(new long[] { 0, 1, 2, 3, 4, 5 }));
        Assert.Equal(0, log.Step);
        Assert.True(double.IsFinite(log.DiscriminatorLoss) && double.IsFinite(log.GeneratorLoss) && log.GeneratorGradNorm > 0);
        Assert.True((g.parameters().First() - before).abs().max().item<float>() > 0);
    }

    [Fact]
    public void ConditionalPixelCnnShapesLabelsAndUnchangedUnconditionalModel()
    {
        manual_seed(16);
        using var model = new GatedPixelCnn(new PixelCnnSettings { Channels = 8, Layers = 2, Classes = 10 });
        using var scope = NewDisposeScope();
        var x = bernoulli(full([10, 1, 12, 12], 0.5));
        var logits = model.forward(x, arange(10));                            // (10, 1, 12, 12)
        Assert.Equal([10L, 1, 12, 12], logits.shape);
        var one = x[..1].expand(10, 1, 12, 12);                               // one image under every label
        var perLabel = model.forward(one, arange(10));
        for (var k = 1; k < 10; k++)
            Assert.True((perLabel[k] - perLabel[0]).abs().max().item<float>() > 1e-5, $"label {k} gives label 0's logits");
        var broadcast = model.forward(one, tensor(new long[] { 3 }));         // one label for the batch
        Assert.True(torch.allclose(broadcast[5], perLabel[3], rtol: 1e-5, atol: 1e-6));
        Assert.Throws<InvalidOperationException>(() => model.forward(x));
        Assert.Throws<ArgumentOutOfRangeException>(() => model.Given(tensor(new long[] { 10 })));
        Assert.Equal(2 * 3, model.named_parameters().Count(p => p.name.Contains("_class", StringComparison.Ordinal)));

        using var unconditional = new GatedPixelCnn(new PixelCnnSettings { Channels = 8, Layers = 2 });
        Assert.DoesNotContain(unconditional.named_parameters(), p => p.name.Contains("_class", StringComparison.Ordinal));
        Assert.Throws<InvalidOperationException>(() => unconditional.forward(x, arange(10)));
    }

    [Fact]
    public void SharedSettingsValidateClassesAndPlainPixelCnnRejectsThem()
    {
        Assert.Throws<ArgumentException>(() => new GatedPixelCnn(new PixelCnnSettings { Channels = 8, Layers = 1, Classes = -1 }));
        var error = Assert.Throws<ArgumentException>(() => new PixelCnn(new PixelCnnSettings { Channels = 8, Layers = 1, Classes = 10 }));
        Assert.Contains("GatedPixelCnn", error.Message, StringComparison.Ordinal);
        using var plain = new PixelCnn(new PixelCnnSettings { Channels = 8, Layers = 1 });
        Assert.Equal(0, plain.Settings.Classes);
    }

    [Fact]
    public void ConditionalPixelCnnTrainsAndSamplesPerLabel()
    {
        manual_seed(17);
        using var model = new GatedPixelCnn(new PixelCnnSettings { Channels = 8, Layers = 1, Classes = 3 });
        var optimizer = optim.Adam(model.parameters(), lr: 1e-2);
        using var scope = NewDisposeScope();
        // Class 0: all pixels off; class 1: all on; class 2: a checkerboard. One step must lower the NLL.
        var images = stack([zeros(1, 6, 6), ones(1, 6, 6), (arange(36).reshape(1, 6, 6) % 2).to(float32)]);   // (3, 1, 6, 6)
        var labels = arange(3);
        var first = AutoregressiveTrainer.Step(model, optimizer, images, labels);
        double last = first;
        for (var i = 0; i < 150; i++) last = AutoregressiveTrainer.Step(model, optimizer, images, labels);
        Assert.True(last < first / 4, $"NLL {first} -> {last}");
        using var given = model.Given(tensor(new long[] { 0, 1, 0, 1 }));
        var samples = AutoregressiveSampler.Sample(given, 4, 6, 6);            // (4, 1, 6, 6)
        var ink = samples.flatten(1).mean([1L]).ToArray<float>();
        Assert.True(ink[0] < 0.2 && ink[2] < 0.2 && ink[1] > 0.8 && ink[3] > 0.8, string.Join(", ", ink));
        given.Dispose();                                                      // the view owns no weights
        Assert.Equal([4L, 1, 6, 6], model.forward(samples, tensor(new long[] { 2 })).shape);
    }
}
