using CourseKit.Models;
using static CourseKit.Tests.Gan.GanReferences;
using static CourseKit.Tests.NN.NNReferences;

namespace CourseKit.Tests.Gan;

/// <summary>
/// The GAN losses and the WGAN-GP penalty against PyTorch 1.13 (gan_references.json): values and
/// gradients (rtol 1e-5, atol 1e-6 in float32), the penalty's gradient in every critic weight (a
/// double backward, rtol 1e-4), and closed forms: at D(x) = D(G(z)) = ½ the discriminator loss is log 4.
/// </summary>
[Collection(nameof(SeededRandomCollection))]
public sealed class GanLossTests
{
    public static TheoryData<string> LossNames => new()
        { "discriminator", "generator_minimax", "generator_non_saturating", "critic", "generator_wasserstein" };

    [Theory]
    [MemberData(nameof(LossNames))]
    public void LossesMatchPyTorch(string name)
    {
        using var scope = NewDisposeScope();
        var r = Get("losses");
        var real = Tensor(r.GetProperty("real")).requires_grad_();                 // (5) logits or scores
        var fake = Tensor(r.GetProperty("fake")).requires_grad_();
        var loss = name switch
        {
            "discriminator" => GanLosses.Discriminator(real, fake),
            "generator_minimax" => GanLosses.GeneratorMinimax(fake) + real.sum() * 0,
            "generator_non_saturating" => GanLosses.GeneratorNonSaturating(fake) + real.sum() * 0,
            "critic" => GanLosses.Critic(real, fake),
            _ => GanLosses.GeneratorWasserstein(fake) + real.sum() * 0,
        };
        var expected = r.GetProperty(name);
        Assert.Equal(expected.GetProperty("value").GetDouble(), loss.item<float>(), 5);
        var grads = autograd.grad([loss], [real, fake]);
        AssertClose(Tensor(expected.GetProperty("d_real")), grads[0], $"{name}: d/d real");
        AssertClose(Tensor(expected.GetProperty("d_fake")), grads[1], $"{name}: d/d fake");
    }

    [Fact]
    public void DiscriminatorLossIsLog4WhenItCannotTell()
    {
        using var scope = NewDisposeScope();
        var zero = zeros(7, 1);                                                    // logit 0: D = ½
        Assert.Equal(Math.Log(4), GanLosses.Discriminator(zero, zero).item<float>(), 6);
    }

    [Theory]
    [InlineData("mlp")]
    [InlineData("conv")]
    public void GradientPenaltyAndItsDoubleBackwardMatchPyTorch(string critic)
    {
        using var scope = NewDisposeScope();
        var r = Get("penalty_" + critic);
        nn.Module<torch.Tensor, torch.Tensor> f = critic == "mlp"
            ? nn.Sequential(nn.Linear(2, 16), nn.LeakyReLU(0.2), nn.Linear(16, 16), nn.LeakyReLU(0.2), nn.Linear(16, 1))
            : nn.Sequential(nn.Conv2d(1, 4, 4, stride: 2, padding: 1), nn.LeakyReLU(0.2),
                nn.Conv2d(4, 8, 4, stride: 2, padding: 1), nn.LeakyReLU(0.2), nn.Flatten(), nn.Linear(8 * 2 * 2, 1));
        f.load_state_dict(Tensors(r.GetProperty("state")));
        var gp = GanLosses.GradientPenalty(f.call, Tensor(r.GetProperty("real")), Tensor(r.GetProperty("fake")),
            lambda: 10, epsilon: Tensor(r.GetProperty("eps")));
        Assert.Equal(r.GetProperty("value").GetDouble(), gp.item<float>(), 1e-4 * r.GetProperty("value").GetDouble());
        gp.backward();
        foreach (var (name, p) in f.named_parameters())
            AssertClose(Tensor(r.GetProperty("grads").GetProperty(name)), p.grad ?? zeros_like(p), $"dGP/d{name}", rtol: 1e-4, atol: 1e-6);
    }

    [Fact]
    public void PenaltyIsZeroForAUnitSlopeCritic()
    {
        using var scope = NewDisposeScope();
        // f(x) = x·u with |u| = 1 has gradient norm 1 everywhere: (‖∇f‖ − 1)² = 0.
        var u = tensor(new[] { 0.6f, 0.8f });
        var gp = GanLosses.GradientPenalty(x => x.matmul(u), randn(9, 2), randn(9, 2));
        Assert.True(gp.item<float>() < 1e-10, $"penalty {gp.item<float>()}");
    }

    [Fact]
    public void BadShapesRaiseClearErrors()
    {
        using var scope = NewDisposeScope();
        var e = Assert.Throws<ArgumentException>(() => GanLosses.Discriminator(zeros(4, 2), zeros(4)));
        Assert.Contains("one score per example", e.Message);
        Assert.Throws<ArgumentException>(() => GanLosses.GradientPenalty(x => x.sum(1), zeros(4, 2), zeros(3, 2)));
        Assert.Throws<ArgumentException>(() => GanLosses.GradientPenalty(x => x.sum(1), zeros(4, 2), zeros(4, 2), epsilon: zeros(3)));
    }
}
