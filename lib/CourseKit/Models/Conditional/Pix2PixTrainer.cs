using static CourseKit.torch;

namespace CourseKit.Models;

/// <summary>
/// The pix2pix training loop (Isola et al. 2017, section 3.3): one gradient step on D, then one on G, per batch
/// of pairs (x, y), with the losses of <see cref="Pix2PixLosses"/>. Without a discriminator it trains the
/// <b>L1-only</b> baseline of the paper's ablation (table 1, figure 4): G minimises λ · mean |y − G(x)| alone.
/// </summary>
public sealed class Pix2PixTrainer
{
    /// <param name="generator">G.</param>
    /// <param name="generatorOptimizer">Adam(lr 2e-4, β₁ 0.5) in the paper.</param>
    /// <param name="discriminator">D, or null for the L1-only baseline.</param>
    /// <param name="discriminatorOptimizer">D's optimizer (null exactly when D is).</param>
    /// <param name="lambda">λ, the L1 weight: 100.</param>
    public Pix2PixTrainer(UNetGenerator generator, optim.Optimizer generatorOptimizer,
        PatchDiscriminator? discriminator = null, optim.Optimizer? discriminatorOptimizer = null, double lambda = 100)
    {
        ArgumentNullException.ThrowIfNull(generator);
        ArgumentNullException.ThrowIfNull(generatorOptimizer);
        if ((discriminator is null) != (discriminatorOptimizer is null))
            throw new ArgumentException($"{nameof(Pix2PixTrainer)}: give D and its optimizer together, or neither (L1 only)");
        if (!(lambda >= 0) || !double.IsFinite(lambda))
            throw new ArgumentOutOfRangeException(nameof(lambda), lambda, $"{nameof(Pix2PixTrainer)}: λ must be non-negative and finite");
        G = generator;
        D = discriminator;
        OptimizerG = generatorOptimizer;
        OptimizerD = discriminatorOptimizer;
        Lambda = lambda;
    }

    public UNetGenerator G { get; }
    public PatchDiscriminator? D { get; }
    public optim.Optimizer OptimizerG { get; }
    public optim.Optimizer? OptimizerD { get; }

    /// <summary>λ.</summary>
    public double Lambda { get; }

    /// <summary>Whether the adversarial term is trained (false: the L1-only baseline).</summary>
    public bool Adversarial => D is not null;

    /// <summary>One step on a batch of inputs x (B, Cin, 28, 28) and targets y (B, Cout, 28, 28), both in [−1, 1] on G's device.</summary>
    public Pix2PixStepLog Step(Tensor x, Tensor y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        G.train();
        double lossD = 0;
        if (D is not null)
        {
            D.train();
            using var scopeD = NewDisposeScope();
            Tensor fake;
            using (no_grad()) fake = G.call(x);                                          // G(x), no graph into G
            var loss = Pix2PixLosses.Discriminator(D.call(x, y), D.call(x, fake));
            OptimizerD!.zero_grad();
            loss.backward();
            OptimizerD.step();
            lossD = loss.item<float>();
        }

        using var scope = NewDisposeScope();
        var output = G.call(x);                                                          // G(x), (B, Cout, 28, 28)
        var l1 = Pix2PixLosses.L1(output, y);
        var adversarial = D is null ? zeros([]) : Pix2PixLosses.Adversarial(D.call(x, output));
        var lossG = D is null ? l1 * Lambda : adversarial + l1 * Lambda;
        OptimizerG.zero_grad();
        lossG.backward();
        OptimizerG.step();
        return new Pix2PixStepLog(lossD, adversarial.item<float>(), l1.item<float>());
    }
}

/// <summary>One step of <see cref="Pix2PixTrainer"/>.</summary>
/// <param name="DiscriminatorLoss">D's loss (0 for the L1-only baseline).</param>
/// <param name="Adversarial">G's adversarial term E softplus(−d(x, G(x))) (0 for the L1-only baseline).</param>
/// <param name="L1">mean |y − G(x)| on the batch, in units of the [−1, 1] pixel range.</param>
public sealed record Pix2PixStepLog(double DiscriminatorLoss, double Adversarial, double L1);
