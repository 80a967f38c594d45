using CourseKit.Models;
using static CourseKit.torch;

namespace CourseKit.Exercises;

/// <summary>
/// The checks of the conditional-models notebook's exercises: a gated unit conditioned on a class label
/// (van den Oord et al. 2016, equation 4) and the pix2pix generator loss (Isola et al. 2017, equation 4).
/// Each runs the student's function on fixed inputs (deterministic, well under a second), compares with a
/// reference, and returns a <see cref="CheckResult"/> with a hint for the most likely mistake.
/// </summary>
public static class ConditionalExercises
{
    /// <summary>
    /// Checks <paramref name="conditionalGate"/>(features (B, 2C, H, W), y (B, K) one-hot, V (K, 2C)) → (B, C, H, W):
    /// the class bias b = y V (B, 2C) added to every pixel of the features, then tanh of the first C channels
    /// times σ of the last C. Cases: a zero V (the unconditional gate), one-hot labels on a 2 × 3 image, and a
    /// soft label (a mixture of classes, which must act linearly). Hints recognise the bias left out, tanh and
    /// σ swapped, the bias added after the gate, the bias given to one half only, and V used untransposed (shape).
    /// </summary>
    public static CheckResult CheckConditionalGate(Func<Tensor, Tensor, Tensor, Tensor> conditionalGate)
    {
        ArgumentNullException.ThrowIfNull(conditionalGate);
        using var scope = NewDisposeScope();
        var check = new FunctionCheck("conditional gate", ["features", "y", "V"], a => Gate(a[0], a[1], a[2]))
        {
            Cases = GateCases(),
            OutputDescription = "(B, C, H, W): half the channels of the features",
            ShapeHints =
            [
                Hint.WhenShape("the gate halves the channels: split the 2C channels into f and g (chunk(2, 1)) and return tanh(f) ⊙ σ(g), (B, C, H, W).",
                    (actual, expected) => actual.Length == 4 && actual[1] == 2 * expected[1]),
                Hint.WhenShape("y V is (B, 2C), one bias per example and channel: give it two trailing axes of size 1, (B, 2C, 1, 1), so it broadcasts over the pixels.",
                    (actual, _) => actual.Length != 4),
            ],
            ValueHints =
            [
                Hint.WhenOutputMatches("your gate ignores the label: add the class bias y V to the features (before the split) at every pixel.",
                    a => Gate(a[0], a[1], zeros_like(a[2]))),
                Hint.WhenOutputMatches("tanh and σ are swapped: tanh goes on the first half f, σ on the second half g.",
                    a => { var h = (a[0] + Bias(a[1], a[2])).chunk(2, 1); return h[1].tanh() * h[0].sigmoid(); }),
                Hint.WhenOutputMatches("the bias belongs inside the gate (added to the features before tanh and σ), not to its output.",
                    a => Gate(a[0], a[1], zeros_like(a[2])) + Bias(a[1], a[2]).chunk(2, 1)[0]),
                Hint.WhenOutputMatches("only the tanh half got the bias: y V has 2C entries, the first C for f and the last C for g.",
                    a => { var h = a[0].chunk(2, 1); var b = Bias(a[1], a[2]).chunk(2, 1); return (h[0] + b[0]).tanh() * h[1].sigmoid(); }),
            ],
        };
        return check.Run(a => conditionalGate(a[0], a[1], a[2]));
    }

    /// <summary>
    /// Checks <paramref name="generatorLoss"/>(fakeLogits (B, 1, h, w), output (B, C, H, W), target (B, C, H, W)) → scalar,
    /// the pix2pix generator loss E softplus(−d(x, G(x))) + λ · mean |y − G(x)| with λ = 100, on: logits 0 and a
    /// perfect output (ln 2), a 2 × 2 patch grid with errors, confident logits ±200. Hints recognise λ left out,
    /// the L1 summed instead of averaged, a squared error, the adversarial or the L1 term missing, the saturating
    /// form, a flipped adversarial sign, and NaN from log σ.
    /// </summary>
    public static CheckResult CheckPix2PixGeneratorLoss(Func<Tensor, Tensor, Tensor, Tensor> generatorLoss)
    {
        ArgumentNullException.ThrowIfNull(generatorLoss);
        using var scope = NewDisposeScope();
        var check = new FunctionCheck("pix2pix generator loss", ["fakeLogits", "output", "target"], a => Pix2PixLosses.Generator(a[0], a[1], a[2]))
        {
            Cases = LossCases(),
            OutputDescription = "one number",
            ShapeHints = [Hint.WhenShape("return a single number (shape []): average the adversarial term over patches and the L1 term over pixels.", (actual, _) => actual.Length > 0)],
            ValueHints =
            [
                Hint.WhenOutputMatches("the L1 term has no weight: multiply it by λ = 100.",
                    a => Pix2PixLosses.Generator(a[0], a[1], a[2], lambda: 1)),
                Hint.WhenOutputMatches("you summed |y − G(x)| over the pixels: take the mean, as the adversarial term does.",
                    a => Pix2PixLosses.Adversarial(a[0]) + (a[1] - a[2]).abs().sum() * 100),
                Hint.WhenOutputMatches("that is a squared error (L2): pix2pix uses the absolute error |y − G(x)|, which blurs less.",
                    a => Pix2PixLosses.Adversarial(a[0]) + (a[1] - a[2]).square().mean() * 100),
                Hint.WhenOutputMatches("the adversarial term is missing: add −log D(x, G(x)) = softplus(−d), averaged over the patches.",
                    a => Pix2PixLosses.L1(a[1], a[2]) * 100),
                Hint.WhenOutputMatches("the L1 term is missing: add λ · mean |y − G(x)|.",
                    a => Pix2PixLosses.Adversarial(a[0])),
                Hint.WhenOutputMatches("this is the saturating form log(1 − D(x, G(x))); G should minimise −log D(x, G(x)) = softplus(−d).",
                    a => nn.functional.softplus(a[0]).mean().neg() + Pix2PixLosses.L1(a[1], a[2]) * 100),
                Hint.WhenOutputMatches("the adversarial term has the wrong sign: G wants D(x, G(x)) large, so it minimises −log D = softplus(−d).",
                    a => Pix2PixLosses.Adversarial(a[0]).neg() + Pix2PixLosses.L1(a[1], a[2]) * 100),
                new("NaN or infinity: log(sigmoid(d)) underflows for very negative d. Write −log σ(d) = softplus(−d).",
                    attempt => attempt.HasNonFinite),
            ],
        };
        return check.Run(a => generatorLoss(a[0], a[1], a[2]));
    }

    /// <summary>y V broadcast over pixels: (B, 2C, 1, 1).</summary>
    private static Tensor Bias(Tensor y, Tensor v) => y.matmul(v).unsqueeze(2).unsqueeze(3);

    /// <summary>The reference: tanh(f + b_f) ⊙ σ(g + b_g), [b_f; b_g] = y V.</summary>
    private static Tensor Gate(Tensor features, Tensor y, Tensor v)
    {
        var h = (features + Bias(y, v)).chunk(2, 1);
        return h[0].tanh() * h[1].sigmoid();
    }

    private static CheckCase[] GateCases() =>
    [
        new("V = 0, so the gate is the unconditional one, tanh(f) ⊙ σ(g): 2 examples, C = 2, a 2 × 3 image, K = 3",
            [FixedInputs.Uniform(31, -2, 2, 2, 4, 2, 3), FixedInputs.Rows([1, 0, 0], [0, 0, 1]), zeros([3, 4], float64)]),
        new("one-hot labels 1 and 2 with a random V: 2 examples, C = 2, a 2 × 3 image, K = 3",
            [FixedInputs.Uniform(32, -2, 2, 2, 4, 2, 3), FixedInputs.Rows([0, 1, 0], [0, 0, 1]), FixedInputs.Uniform(33, -1.5, 1.5, 3, 4)]),
        new("3 examples with C = 3 on a 1 × 2 image, K = 4, the last label soft (0.25 of each class)",
            [FixedInputs.Uniform(34, -2, 2, 3, 6, 1, 2), FixedInputs.Rows([0, 0, 0, 1], [1, 0, 0, 0], [0.25, 0.25, 0.25, 0.25]), FixedInputs.Uniform(35, -1, 1, 4, 6)]),
    ];

    private static CheckCase[] LossCases() =>
    [
        new("all patch logits 0 and output = target, so the loss is ln 2 = 0.6931",
            [zeros([2, 1, 2, 2], float64), FixedInputs.Uniform(41, -1, 1, 2, 1, 4, 4), FixedInputs.Uniform(41, -1, 1, 2, 1, 4, 4)]),
        new("mixed patch logits on a 2 × 2 grid, outputs and targets drawn independently in [−1, 1]",
            [FixedInputs.Uniform(42, -3, 3, 2, 1, 2, 2), FixedInputs.Uniform(43, -1, 1, 2, 1, 4, 4), FixedInputs.Uniform(44, -1, 1, 2, 1, 4, 4)]),
        new("confident logits ±200, where σ(d) rounds to 0 or 1 in float32",
            [tensor(new double[] { 200, -200, 200, -200 }, [1, 1, 2, 2], float64), FixedInputs.Uniform(45, -1, 1, 1, 1, 3, 3), FixedInputs.Uniform(46, -1, 1, 1, 1, 3, 3)]),
    ];
}
