using static CourseKit.torch;

namespace CourseKit.Models;

/// <summary>
/// Training of a conditional GAN (Mirza &amp; Osindero 2014): Goodfellow et al.'s algorithm 1 with the label
/// given to both players, and the non-saturating generator loss:
/// <code>
/// (x, y) ~ data, z ~ N(0, I):  minimise L_D = E softplus(−d(x, y)) + E softplus(d(G(z, y), y))
/// z ~ N(0, I), same y:         minimise L_G = E softplus(−d(G(z, y), y))
/// </code>
/// The fakes take the labels of the real batch, so both players see the data's class frequencies, and D
/// can only accept a fake whose content matches the label it was drawn for. The losses are
/// <see cref="GanLosses.Discriminator"/> and <see cref="GanLosses.GeneratorNonSaturating"/>; each step
/// releases its tensors.
/// </summary>
public sealed class ConditionalGanTrainer
{
    private readonly nn.Parameter[] generatorWeights;

    public ConditionalGanTrainer(ConditionalGenerator generator, ProjectionDiscriminator discriminator,
        optim.Optimizer generatorOptimizer, optim.Optimizer discriminatorOptimizer)
    {
        ArgumentNullException.ThrowIfNull(generator);
        ArgumentNullException.ThrowIfNull(discriminator);
        ArgumentNullException.ThrowIfNull(generatorOptimizer);
        ArgumentNullException.ThrowIfNull(discriminatorOptimizer);
        G = generator;
        D = discriminator;
        OptimizerG = generatorOptimizer;
        OptimizerD = discriminatorOptimizer;
        generatorWeights = G.parameters().ToArray();
    }

    public ConditionalGenerator G { get; }

    public ProjectionDiscriminator D { get; }

    public optim.Optimizer OptimizerG { get; }

    public optim.Optimizer OptimizerD { get; }

    /// <summary>Generator steps taken so far.</summary>
    public long Steps { get; private set; }

    /// <summary>One discriminator step and one generator step on a batch of images x (B, C, H, W) in [−1, 1] with labels y (B), on G's device.</summary>
    public GanStepLog Step(Tensor x, Tensor labels)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(labels);
        if (x.dim() < 2 || x.size(0) < 1 || labels.dim() != 1 || labels.size(0) != x.size(0))
            throw new ArgumentException($"{nameof(ConditionalGanTrainer)}: expected a batch (B, ...) with B >= 1 and labels (B), got {x.Describe()} and {labels.Describe()}");
        G.train();
        D.train();
        var batch = x.size(0);
        double lossD;
        using (NewDisposeScope())
        {
            Tensor fake;
            using (no_grad()) fake = G.call(G.Prior(batch), labels);                       // G(z, y), (B, ...), no graph into G
            var loss = GanLosses.Discriminator(D.call(x, labels), D.call(fake, labels));
            OptimizerD.zero_grad();
            loss.backward();
            OptimizerD.step();
            lossD = loss.item<float>();
        }

        using var scope = NewDisposeScope();
        var scores = D.call(G.call(G.Prior(batch), labels), labels);                         // d(G(z, y), y), (B, 1)
        var lossG = GanLosses.GeneratorNonSaturating(scores);
        OptimizerG.zero_grad();
        lossG.backward();
        var gradNorm = GradientNorm.Of(generatorWeights);
        OptimizerG.step();
        return new GanStepLog(Steps++, lossD, lossG.item<float>(), gradNorm, 0);
    }
}
