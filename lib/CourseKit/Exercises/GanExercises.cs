using CourseKit.Models;
using static CourseKit.torch;

namespace CourseKit.Exercises;

/// <summary>
/// The checks of the GAN notebook's exercises. Each runs the student's function on fixed inputs
/// (deterministic, well under a second), compares with <see cref="GanLosses"/>, and returns a
/// <see cref="CheckResult"/> with a hint for the most likely mistake. Inputs are logits d (B) of
/// D(x) = σ(d); the losses are batch means.
/// </summary>
public static class GanExercises
{
    /// <summary>
    /// Checks <paramref name="discriminatorLoss"/>(realLogits (B), fakeLogits (B)) → scalar, the
    /// discriminator's loss −E log D(x) − E log(1 − D(G(z))), on: logits 0 (the loss is log 4), a mixed
    /// batch, and logits of ±60, where log σ(d) computed naively underflows. Hints recognise a flipped
    /// sign, real and fake swapped, a sum over the batch, a missing term, and NaN or infinity.
    /// </summary>
    public static CheckResult CheckDiscriminatorLoss(Func<Tensor, Tensor, Tensor> discriminatorLoss)
    {
        ArgumentNullException.ThrowIfNull(discriminatorLoss);
        using var scope = NewDisposeScope();
        var check = new FunctionCheck("discriminator loss", ["realLogits", "fakeLogits"], a => GanLosses.Discriminator(a[0], a[1]))
        {
            Cases = LogitCases(pairs: true),
            OutputDescription = "one number, the batch mean",
            ShapeHints = [Hint.WhenShape("return the mean over the batch, a single number (shape []).", (actual, _) => actual.Length > 0)],
            ValueHints =
            [
                Hint.WhenOutputMatches("your loss has the wrong sign: D maximises log D(x) + log(1 − D(G(z))), so the loss to minimise is its negative.",
                    a => GanLosses.Discriminator(a[0], a[1]).neg()),
                Hint.WhenOutputMatches("you swapped real and fake: D(x) should be near 1 for data and near 0 for samples.",
                    a => GanLosses.Discriminator(a[1], a[0])),
                Hint.WhenOutputMatches("you summed over the batch: take the mean.",
                    a => GanLosses.Discriminator(a[0], a[1]) * a[0].size(0)),
                Hint.WhenOutputMatches("only the real term is there: add −log(1 − D(G(z))) for the samples.",
                    a => nn.functional.softplus(a[0].neg()).mean()),
                Hint.WhenOutputMatches("only the fake term is there: add −log D(x) for the data.",
                    a => nn.functional.softplus(a[1]).mean()),
                new("NaN or infinity: log(sigmoid(d)) underflows for large |d|. Write log σ(d) = −softplus(−d) and log(1 − σ(d)) = −softplus(d).",
                    attempt => attempt.HasNonFinite),
            ],
        };
        return check.Run(a => discriminatorLoss(a[0], a[1]));
    }

    /// <summary>
    /// Checks <paramref name="generatorLoss"/>(fakeLogits (B)) → scalar, the non-saturating generator
    /// loss −E log D(G(z)), on the same logits. Hints recognise the saturating (minimax) loss, a
    /// flipped sign, a sum over the batch, and NaN or infinity.
    /// </summary>
    public static CheckResult CheckGeneratorLoss(Func<Tensor, Tensor> generatorLoss)
    {
        ArgumentNullException.ThrowIfNull(generatorLoss);
        using var scope = NewDisposeScope();
        var check = new FunctionCheck("non-saturating generator loss", ["fakeLogits"], a => GanLosses.GeneratorNonSaturating(a[0]))
        {
            Cases = LogitCases(pairs: false),
            OutputDescription = "one number, the batch mean",
            ShapeHints = [Hint.WhenShape("return the mean over the batch, a single number (shape []).", (actual, _) => actual.Length > 0)],
            ValueHints =
            [
                Hint.WhenOutputMatches("this is the saturating loss E log(1 − D(G(z))) of the minimax game; the exercise asks for −E log D(G(z)).",
                    a => GanLosses.GeneratorMinimax(a[0])),
                Hint.WhenOutputMatches("your loss has the wrong sign: G wants D(G(z)) large, so it minimises −log D(G(z)).",
                    a => GanLosses.GeneratorNonSaturating(a[0]).neg()),
                Hint.WhenOutputMatches("you summed over the batch: take the mean.",
                    a => GanLosses.GeneratorNonSaturating(a[0]) * a[0].size(0)),
                new("NaN or infinity: log(sigmoid(d)) underflows for very negative d. Write −log σ(d) = softplus(−d).",
                    attempt => attempt.HasNonFinite),
            ],
        };
        return check.Run(a => generatorLoss(a[0]));
    }

    /// <summary>
    /// Checks <paramref name="gradientPenalty"/>(critic, real (B, ...), fake (B, ...), epsilon (B)) → scalar,
    /// the WGAN-GP penalty λ E(‖∇f(x̂)‖₂ − 1)² with x̂ = ε x + (1 − ε) G(z) and λ = 10, on linear critics
    /// (penalty 0 for a unit slope, 10 for slope 2), a tanh critic on points (B, 2) and on images
    /// (B, 1, 3, 3), where the norm runs over all pixels of each example. Hints recognise a missing λ,
    /// the squared norm, one norm over the whole batch, a missing −1, ε applied the other way round,
    /// the gradient taken at the data instead of x̂, and a gradient made without create_graph (then the
    /// penalty cannot train the critic).
    /// </summary>
    public static CheckResult CheckGradientPenalty(Func<Func<Tensor, Tensor>, Tensor, Tensor, Tensor, Tensor> gradientPenalty)
    {
        ArgumentNullException.ThrowIfNull(gradientPenalty);
        using var scope = NewDisposeScope();
        var check = new FunctionCheck("gradient penalty", ["real", "fake", "epsilon", "critic weights W"],
            a => GanLosses.GradientPenalty(x => Critic(x, a[3]), a[0], a[1], 10, a[2]))
        {
            Cases = PenaltyCases(),
            OutputDescription = "one number, λ times the batch mean",
            ShapeHints = [Hint.WhenShape("return a single number (shape []): the mean over the batch of (‖∇f(x̂)‖ − 1)², times λ.", (actual, _) => actual.Length > 0)],
            ValueHints =
            [
                Hint.WhenOutputMatches("your penalty is 10 times too small: multiply by λ = 10.", a => Reference(a) / 10),
                Hint.WhenOutputMatches("you used the squared norm ‖∇f‖²; the penalty needs the norm itself (square root of the sum of squares) minus 1.",
                    a => Variant(a, g => g.square().sum(1))),
                Hint.WhenOutputMatches("you took one norm over the whole batch: flatten each example's gradient and take one norm per example, (B).",
                    a => Variant(a, g => g.square().sum().sqrt().expand(g.size(0)))),
                Hint.WhenOutputMatches("the penalty pulls ‖∇f‖ towards 1: subtract 1 from the norm before squaring.",
                    a => Variant(a, g => g.square().sum(1).sqrt(), one: 0)),
                Hint.WhenOutputMatches("ε is applied the other way round: x̂ = ε · real + (1 − ε) · fake.",
                    a => GanLosses.GradientPenalty(x => Critic(x, a[3]), a[1], a[0], 10, a[2])),
                Hint.WhenOutputMatches("you took the gradient at the data; take it at the interpolates x̂ = ε x + (1 − ε) G(z).",
                    a => GanLosses.GradientPenalty(x => Critic(x, a[3]), a[0], a[0], 10, a[2])),
            ],
        };
        var result = check.Run(a => gradientPenalty(x => Critic(x, a[3]), a[0], a[1], a[2]));
        if (!result.Passed) return result;
        return DifferentiableInWeights(gradientPenalty) ?? result;
    }

    /// <summary>f(x) = x·W for a single column W (D, 1), else Σ_j tanh(x W)_j; x is flattened per example. (B).</summary>
    private static Tensor Critic(Tensor x, Tensor w)
    {
        var flat = x.flatten(1);                                                    // (B, D)
        var h = flat.matmul(w.to(flat.dtype));                                      // (B, H)
        return w.size(1) == 1 ? h.squeeze(1) : h.tanh().sum(1);                     // (B)
    }

    private static Tensor Reference(IReadOnlyList<Tensor> a) => GanLosses.GradientPenalty(x => Critic(x, a[3]), a[0], a[1], 10, a[2]);

    /// <summary>The penalty with a different per-example norm of the gradient (B, D) and a different target.</summary>
    private static Tensor Variant(IReadOnlyList<Tensor> a, Func<Tensor, Tensor> norm, double one = 1)
    {
        var b = a[0].size(0);
        var eps = a[2].reshape([b, .. Enumerable.Repeat(1L, (int)a[0].dim() - 1)]);
        var mixed = (eps * a[0] + (1 - eps) * a[1]).requires_grad_();
        var g = autograd.grad(Critic(mixed, a[3]).sum(), mixed).flatten(1);        // (B, D)
        return (norm(g) - one).square().mean() * 10;
    }

    /// <summary>The penalty must carry the graph back to the critic's weights (autograd.grad with create_graph).</summary>
    private static CheckResult? DifferentiableInWeights(Func<Func<Tensor, Tensor>, Tensor, Tensor, Tensor, Tensor> gradientPenalty)
    {
        using var scope = NewDisposeScope();
        var cases = PenaltyCases();
        var a = cases[2].Inputs.Select(t => t.to(float32)).ToArray();
        var w = a[3].clone().requires_grad_();
        var penalty = StudentCode.Call("gradient penalty", () => gradientPenalty(x => Critic(x, w), a[0], a[1], a[2]), "the tanh critic with W requiring grad", out var failure);
        if (penalty is null) return failure;
        if (!penalty.requires_grad)
            return CheckResult.Fail("gradient penalty", "the values are right, but the penalty does not depend on the critic's weights, so it cannot train the critic",
                "take the gradient with autograd.grad(..., create_graph: true), so that it is itself differentiable (a double backward)", null);
        var expected = autograd.grad(GanLosses.GradientPenalty(x => Critic(x, w), a[0], a[1], 10, a[2]), w);
        var actual = autograd.grad(penalty, w);
        return Tolerance.Default.Close(actual.to(float64), expected.to(float64))
            ? null
            : CheckResult.Fail("gradient penalty", "the values are right, but their gradient with respect to the critic's weights is not",
                "detach nothing between x̂ and the penalty, and keep create_graph: true", null);
    }

    private static CheckCase[] LogitCases(bool pairs)
    {
        CheckCase Case(string text, double[] real, double[] fake) => pairs
            ? new(text, [tensor(real, float64), tensor(fake, float64)])
            : new(text, [tensor(fake, float64)]);
        return
        [
            Case("all logits 0, so D = ½ everywhere", [0.0, 0.0, 0.0], [0.0, 0.0, 0.0]),
            Case("a batch of 5 with mixed logits", [2.0, -0.5, 1.2, 0.3, 4.0], [-1.5, 0.8, -3.0, 0.1, -0.4]),
            Case("confident logits ±60, where σ(d) rounds to 0 or 1", [60.0, -60.0, 30.0], [-60.0, 60.0, -30.0]),
        ];
    }

    private static CheckCase[] PenaltyCases() =>
    [
        new("a linear critic with slope 1 (gradient norm 1 everywhere, so the penalty is 0)",
            [FixedInputs.Uniform(1, -1, 1, 4, 2), FixedInputs.Uniform(2, -1, 1, 4, 2), FixedInputs.Uniform(3, 0, 1, 4),
             FixedInputs.Rows([0.6], [0.8])]),
        new("a linear critic with slope 2 (the penalty is λ (2 − 1)² = 10)",
            [FixedInputs.Uniform(4, -1, 1, 4, 2), FixedInputs.Uniform(5, -1, 1, 4, 2), FixedInputs.Uniform(6, 0, 1, 4),
             FixedInputs.Rows([1.2], [1.6])]),
        new("a tanh critic on 6 points in the plane",
            [FixedInputs.Uniform(7, -2, 2, 6, 2), FixedInputs.Uniform(8, -2, 2, 6, 2), FixedInputs.Uniform(9, 0, 1, 6),
             FixedInputs.Uniform(10, -1, 1, 2, 5)]),
        new("a tanh critic on 3 images (B, 1, 3, 3): one norm per image over all its pixels",
            [FixedInputs.Uniform(11, -1, 1, 3, 1, 3, 3), FixedInputs.Uniform(12, -1, 1, 3, 1, 3, 3), FixedInputs.Uniform(13, 0, 1, 3),
             FixedInputs.Uniform(14, -0.8, 0.8, 9, 4)]),
    ];
}
