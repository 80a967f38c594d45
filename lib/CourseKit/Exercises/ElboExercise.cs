using CourseKit.Losses;
using static CourseKit.torch;

namespace CourseKit.Exercises;

/// <summary>The check of the per-example negative ELBO with a Bernoulli decoder (see <see cref="VaeExercises.CheckNegativeElbo"/>).</summary>
internal static class ElboExercise
{
    public const string Name = "negative ELBO";

    /// <summary>Pixels of an MNIST image, 28 x 28.</summary>
    private const long Pixels = 784;

    public static CheckResult Check(Func<Tensor, Tensor, Tensor, Tensor, Tensor> negativeElbo)
    {
        ArgumentNullException.ThrowIfNull(negativeElbo);
        using var scope = NewDisposeScope();
        var check = new FunctionCheck(Name, ["x", "logits", "mu", "logvar"], a => Elbo.Negative(LogDensity.Bernoulli(a[0], a[1]), a[2], a[3]).Total)
        {
            Cases = Cases(),
            OutputDescription = "one negative ELBO per example, in nats",
            ShapeHints = ShapeHints,
            ValueHints = ValueHints,
        };
        return check.Run(a => negativeElbo(a[0], a[1], a[2], a[3]));
    }

    private static CheckCase[] Cases()
    {
        var x = FixedInputs.Binary(11, 0.2, 3, Pixels);                                        // (3, 784), about 20 % ink as MNIST
        var sharpX = FixedInputs.Binary(12, 0.2, 3, Pixels);
        var sharpLogits = sharpX.mul(2.0).sub(1.0).mul(FixedInputs.Uniform(13, 3, 9, 3, Pixels));   // large logits with each pixel's sign
        return
        [
            new("3 binary images, logits between -4 and 4, a 4-dimensional posterior",
                [x, FixedInputs.Uniform(14, -4, 4, 3, Pixels), FixedInputs.Uniform(15, -1.5, 1.5, 3, 4), FixedInputs.Uniform(16, -2, 1, 3, 4)]),
            new("a decoder that is almost sure and right (large logits of each pixel's sign): the KL term dominates",
                [sharpX, sharpLogits, FixedInputs.Uniform(17, -2, 2, 3, 4), FixedInputs.Uniform(18, -1, 1, 3, 4)]),
            new("mu = 0 and logvar = 0, so the KL term is 0 and only the reconstruction counts",
                [FixedInputs.Binary(19, 0.2, 2, Pixels), FixedInputs.Uniform(20, -2, 2, 2, Pixels), zeros([2, 4], float64), zeros([2, 4], float64)]),
        ];
    }

    private static readonly Hint[] ShapeHints =
    [
        Hint.WhenShape("you returned one number for the whole batch (its mean or sum): return one value per example, shape [B]; the training loop takes the mean.",
            (actual, _) => actual.Length == 0),
        Hint.WhenShape("you kept a summed dimension of size 1: sum without keepdim (or squeeze it), so that the result has shape [B].",
            (actual, expected) => actual.Length == 2 && actual[1] == 1 && actual[0] == expected[0]),
        Hint.WhenShape("you returned one value per pixel: sum the reconstruction term over the pixels (dim 1), then add the KL of each example.",
            (actual, _) => actual.Length == 2 && actual[1] == Pixels),
        Hint.WhenShape("you returned one value per latent coordinate: sum the KL over the latent dimension (dim 1), so that each term has one value per example.",
            (actual, _) => actual.Length == 2),
    ];

    // The typical mistakes, written as the wrong value they compute from the two right terms.
    private static readonly Hint[] ValueHints =
    [
        Hint.WhenOutputMatches("your values have the opposite sign: you returned the ELBO, the loss is its negative, -log p(x|z) + KL (both terms are ≥ 0 for binary pixels).",
            a => Reconstruction(a).add(Kl(a)).neg()),
        Hint.WhenOutputMatches("the reconstruction term is averaged over the 784 pixels: sum it, since log p(x|z) of an image is the sum of its pixels' log-probabilities.",
            a => Reconstruction(a).div(Pixels).add(Kl(a))),
        Hint.WhenOutputMatches("you left out the KL term: -ELBO = reconstruction + KL(q(z|x) || p(z)).",
            a => Reconstruction(a)),
        Hint.WhenOutputMatches("the KL term enters with the wrong sign: -ELBO = reconstruction + KL, and the KL is added, not subtracted.",
            a => Reconstruction(a).sub(Kl(a))),
        Hint.WhenOutputMatches("you applied a sigmoid to the logits and then used them as logits again: the decoder's output already are logits, pass them to binary_cross_entropy_with_logits as they are.",
            a => LogDensity.Bernoulli(a[0], a[1].sigmoid()).neg().add(Kl(a))),
        Hint.WhenOutputMatches("the KL term is averaged over the latent dimensions: sum it over them.",
            a => Reconstruction(a).add(Kl(a).div(a[2].size(1)))),
        Hint.WhenOutputMatches("the KL term is summed over the whole batch: keep one KL per example and add it to that example's reconstruction term.",
            a => Reconstruction(a).add(Kl(a).sum())),
        new("your result contains NaN or infinity: did you take the log of the logits, or of sigmoid(logits) rounded to 0 or 1? Logits are not probabilities; binary_cross_entropy_with_logits computes the Bernoulli term from them stably.",
            attempt => attempt.HasNonFinite),
        new("your negative ELBO is negative for this input, but both of its terms are ≥ 0 for binary pixels: check the sign of each term.",
            attempt => attempt.HasNegative),
        new("your values are far from the right ones: check each term on its own — the reconstruction is minus the Bernoulli log-likelihood of x given the logits, summed over pixels; the KL is the closed form, summed over latent dimensions.",
            attempt => !new Tolerance(0.05, 1).Close(attempt.Output, attempt.Expected)),
    ];

    /// <summary>-log p(x | z) per example, (B).</summary>
    private static Tensor Reconstruction(IReadOnlyList<Tensor> a) => LogDensity.Bernoulli(a[0], a[1]).neg();

    /// <summary>KL(q(z|x) || p(z)) per example, (B).</summary>
    private static Tensor Kl(IReadOnlyList<Tensor> a) => GaussianKl.ToStandardNormal(a[2], a[3]);
}
