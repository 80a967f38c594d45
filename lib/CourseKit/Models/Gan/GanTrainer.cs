using static CourseKit.torch;

namespace CourseKit.Models;

/// <summary>
/// The GAN training loop of Goodfellow et al. 2014, algorithm 1, for any of the four <see cref="GanLoss"/>es:
/// <code>
/// for each generator step:
///     repeat k times:                              (the discriminator / critic)
///         x ~ data, z ~ N(0, I);  minimise L_D(D(x), D(G(z)))   [+ λ GP for WGAN-GP]
///         WGAN-clip: clip every weight of D to [−c, c]
///     z ~ N(0, I);  minimise L_G(D(G(z)))
///     optional: θ̄ ← d θ̄ + (1 − d) θ  (EMA of G's weights)
/// </code>
/// The loss functions are in <see cref="GanLosses"/>. Each step releases its tensors.
/// </summary>
public sealed class GanTrainer : IDisposable
{
    private readonly nn.Parameter[] generatorWeights;
    private readonly nn.Parameter[] discriminatorWeights;

    public GanTrainer(Generator generator, nn.Module<Tensor, Tensor> discriminator,
        optim.Optimizer generatorOptimizer, optim.Optimizer discriminatorOptimizer, GanTrainerSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(generator);
        ArgumentNullException.ThrowIfNull(discriminator);
        ArgumentNullException.ThrowIfNull(generatorOptimizer);
        ArgumentNullException.ThrowIfNull(discriminatorOptimizer);
        Settings = settings ?? new GanTrainerSettings();
        Settings.Validate();
        G = generator;
        D = discriminator;
        OptimizerG = generatorOptimizer;
        OptimizerD = discriminatorOptimizer;
        generatorWeights = G.parameters().ToArray();
        discriminatorWeights = D.parameters().ToArray();
        if (Settings.EmaDecay is { } decay) Ema = new optim.ExponentialMovingAverage(generatorWeights, decay);
    }

    public GanTrainerSettings Settings { get; }

    /// <summary>The generator.</summary>
    public Generator G { get; }

    /// <summary>The discriminator (or critic): (B, ...) -> (B, 1).</summary>
    public nn.Module<Tensor, Tensor> D { get; }

    public optim.Optimizer OptimizerG { get; }

    public optim.Optimizer OptimizerD { get; }

    /// <summary>The moving average of G's weights, when <see cref="GanTrainerSettings.EmaDecay"/> is set.</summary>
    public optim.ExponentialMovingAverage? Ema { get; }

    /// <summary>Generator steps taken so far.</summary>
    public long Steps { get; private set; }

    private bool Wasserstein => Settings.Loss is GanLoss.WassersteinClip or GanLoss.WassersteinGP;

    /// <summary>
    /// One generator step preceded by k discriminator steps; <paramref name="nextReal"/> gives a fresh
    /// batch of data (B, ...) for each discriminator step (on G's device), and G's batch has the same size.
    /// </summary>
    public GanStepLog Step(Func<Tensor> nextReal)
    {
        ArgumentNullException.ThrowIfNull(nextReal);
        G.train();
        D.train();
        double lossD = 0, penalty = 0;
        long batch = 0;
        for (var i = 0; i < Settings.DiscriminatorSteps; i++)
            (lossD, penalty, batch) = DiscriminatorStep(nextReal());

        using var scope = NewDisposeScope();
        var fake = G.call(G.Prior(batch));                                   // G(z), (B, ...)
        var scores = D.call(fake);                                           // (B, 1)
        var lossG = Settings.Loss switch
        {
            GanLoss.Minimax => GanLosses.GeneratorMinimax(scores),
            GanLoss.NonSaturating => GanLosses.GeneratorNonSaturating(scores),
            _ => GanLosses.GeneratorWasserstein(scores),
        };
        OptimizerG.zero_grad();
        lossG.backward();
        var gradNorm = GradientNorm.Of(generatorWeights);
        OptimizerG.step();
        Ema?.update();
        return new GanStepLog(Steps++, lossD, lossG.item<float>(), gradNorm, penalty);
    }

    /// <summary>Copies the EMA weights into <paramref name="target"/>, a generator of the same architecture.</summary>
    public void CopyAverageTo(Generator target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (Ema is null) throw new InvalidOperationException("GanTrainer.CopyAverageTo: no moving average is kept (set EmaDecay in the settings)");
        Ema.copy_to(target.parameters());
    }

    private (double loss, double penalty, long batch) DiscriminatorStep(Tensor real)
    {
        ArgumentNullException.ThrowIfNull(real);
        if (real.dim() < 2 || real.size(0) < 1)
            throw new ArgumentException($"GanTrainer: a real batch must be (B, ...) with B >= 1, got {real.Describe()}");
        using var scope = NewDisposeScope();
        Tensor fake;
        using (no_grad()) fake = G.call(G.Prior(real.size(0)));              // G(z), (B, ...), no graph into G
        var realScores = D.call(real);                                       // (B, 1)
        var fakeScores = D.call(fake);                                       // (B, 1)
        var loss = Wasserstein ? GanLosses.Critic(realScores, fakeScores) : GanLosses.Discriminator(realScores, fakeScores);
        var penalty = 0.0;
        if (Settings.Loss == GanLoss.WassersteinGP)
        {
            var gp = GanLosses.GradientPenalty(D.call, real, fake, Settings.Lambda);
            penalty = gp.item<float>();
            loss = loss + gp;
        }
        OptimizerD.zero_grad();
        loss.backward();
        OptimizerD.step();
        if (Settings.Loss == GanLoss.WassersteinClip)
            using (no_grad())
                foreach (var w in discriminatorWeights) w.clamp_(-Settings.Clip, Settings.Clip);
        return (loss.item<float>(), penalty, real.size(0));
    }

    public void Dispose() => Ema?.Dispose();
}
