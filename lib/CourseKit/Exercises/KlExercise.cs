using CourseKit.Losses;
using static CourseKit.torch;

namespace CourseKit.Exercises;

/// <summary>The check of the closed-form KL(N(μ, σ²) || N(0, I)) (see <see cref="VaeExercises.CheckKl"/>).</summary>
internal static class KlExercise
{
    public const string Name = "KL divergence";

    public static CheckResult Check(Func<Tensor, Tensor, Tensor> kl)
    {
        ArgumentNullException.ThrowIfNull(kl);
        using var scope = NewDisposeScope();
        var check = new FunctionCheck(Name, ["mu", "logvar"], a => GaussianKl.ToStandardNormal(a[0], a[1]))
        {
            Cases = Cases(),
            OutputDescription = "one KL per example",
            ShapeHints = ShapeHints,
            ValueHints = ValueHints,
        };
        return check.Run(a => kl(a[0], a[1]));
    }

    private static CheckCase[] Cases() =>
    [
        new("mu = 0 and logvar = 0, so q = p and the KL must be 0",
            [zeros([2, 3], float64), zeros([2, 3], float64)]),
        new("a batch of 4 examples with mixed means and variances (Z = 3)",
            [FixedInputs.Rows([0.5, -1.0, 0.2], [1.5, 0.0, -0.3], [-2.0, 0.7, 1.1], [0.1, -0.4, 0.9]),
             FixedInputs.Rows([0.3, -0.5, 1.0], [-1.2, 0.8, 0.0], [0.4, -2.0, 0.6], [1.5, -0.7, -0.1])]),
        new("large variances: logvar = 2.5 and 3, so σ² ≈ 12 and 20 (Z = 4)",
            [FixedInputs.Rows([0.0, 1.0, -1.0, 0.5], [2.0, 0.0, 0.0, -0.5]),
             FixedInputs.Rows([3.0, 3.0, 3.0, 3.0], [2.5, 2.5, 2.5, 2.5])]),
        new("small variances: logvar = -4 and -5, so σ² ≈ 0.018 and 0.0067 (Z = 4)",
            [FixedInputs.Rows([0.0, 0.3, -0.2, 1.0], [0.5, -1.5, 0.0, 0.0]),
             FixedInputs.Rows([-4.0, -4.0, -4.0, -4.0], [-5.0, -5.0, -5.0, -5.0])]),
    ];

    private static readonly Hint[] ShapeHints =
    [
        Hint.WhenShape("keep one value per example — sum over the latent dimension only (dim 1), not over the batch as well.",
            (actual, _) => actual.Length == 0),
        Hint.WhenShape("you kept the summed dimension: sum over dim 1 without keepdim (or squeeze it), so that the result has shape [B].",
            (actual, expected) => actual.Length == 2 && actual[1] == 1 && actual[0] == expected[0]),
        Hint.WhenShape("you returned one value per latent coordinate, [B, Z]: sum them over the latent dimension (dim 1) to get one KL per example.",
            (actual, _) => actual.Length == 2),
        Hint.WhenShape("you reduced over the batch dimension (dim 0): sum over the latent dimension (dim 1) instead, to keep one value per example.",
            (actual, expected) => actual.Length == 1 && actual[0] != expected[0]),
    ];

    // The typical mistakes, written as the wrong formula they compute. Each is
    // -1/2 Σ_j [ one + logTerm(logvar) - meanTerm(mu) - varianceTerm(logvar) ].
    private static readonly Hint[] ValueHints =
    [
        Hint.WhenOutputMatches("your KL has the opposite sign of the right value (it is negative here, and a KL never is): check the sign in front of the whole expression.",
            a => Right(a).neg()),
        Hint.WhenOutputMatches("your values are exactly twice the right ones: did you forget the factor 1/2?",
            a => Right(a).mul(2.0)),
        Hint.WhenOutputMatches("you used σ = exp(logvar / 2) where the formula needs the variance σ² = exp(logvar).",
            a => Variant(a, varianceTerm: lv => lv.div(2.0).exp())),
        Hint.WhenOutputMatches("did you mix up log σ and log σ²? logvar already is log σ²: use it as it is for the log-term, and σ² = exp(logvar).",
            a => Variant(a, logTerm: lv => lv.mul(2.0))),
        Hint.WhenOutputMatches("did you mix up log σ and log σ²? logvar already is log σ², so σ² = exp(logvar), not exp(2 logvar).",
            a => Variant(a, varianceTerm: lv => lv.mul(2.0).exp())),
        Hint.WhenOutputMatches("your values are the right ones divided by Z, the latent size: sum over the latent dimensions instead of averaging.",
            a => Right(a).div(a[0].size(1))),
        Hint.WhenOutputMatches("the mean enters squared: use μ², not μ.",
            a => Variant(a, meanTerm: mu => mu.clone())),
        Hint.WhenOutputMatches("you left out the constant 1 inside the sum: it is what makes the KL 0 when q = p.",
            a => Variant(a, one: 0)),
        new("your KL is negative for this input, and a KL divergence never is: did you mix up log σ and log σ²? logvar is log σ², so σ² = exp(logvar).",
            attempt => attempt.HasNegative),
    ];

    private static Tensor Right(IReadOnlyList<Tensor> a) => GaussianKl.ToStandardNormal(a[0], a[1]);

    private static Tensor Variant(IReadOnlyList<Tensor> a, Func<Tensor, Tensor>? logTerm = null, Func<Tensor, Tensor>? varianceTerm = null,
        Func<Tensor, Tensor>? meanTerm = null, double one = 1)
    {
        var (mu, logvar) = (a[0], a[1]);                                                   // (B, Z) each
        var inner = (logTerm ?? (lv => lv.clone()))(logvar)
            .sub((meanTerm ?? (m => m.square()))(mu))
            .sub((varianceTerm ?? (lv => lv.exp()))(logvar))
            .add(one);                                                                     // (B, Z)
        return inner.sum(1).mul(-0.5);                                                     // (B)
    }
}
