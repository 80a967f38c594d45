using CourseKit.Models.Diffusion;
using static CourseKit.torch;

namespace CourseKit.Exercises;

/// <summary>
/// The checks of the diffusion notebook's exercises. Each runs the student's function on fixed inputs over short
/// schedules (T = 10 or 12, so that every step, the first and the last included, is tried), compares with
/// <see cref="GaussianDiffusion"/> built on the same β (<see cref="NoiseSchedule.FromBeta"/>), and returns a
/// <see cref="CheckResult"/> with a hint for the most likely mistake. Schedules are given as β_t, t = 0 … T − 1
/// (the paper's 1 … T), a (T) tensor; steps t are int64, one per example.
/// </summary>
public static class DiffusionExercises
{
    /// <summary>
    /// Checks <paramref name="qSample"/>(x0 (B, C, H, W), t (B) int64, noise (B, C, H, W), beta (T)) → x_t (B, C, H, W),
    /// a sample of q(x_t | x_0): x_t = √ᾱ_t x_0 + √(1 − ᾱ_t) ε with ᾱ_t = Π_{s ≤ t} (1 − β_s) (Ho et al. 2020, eq. 4),
    /// on: every example at t = 0, a batch with the first, a middle and the last step, and a batch on a cosine
    /// schedule. Hints recognise missing square roots, the two coefficients swapped, α_t = 1 − β_t used for ᾱ_t,
    /// ᾱ off by one step, one ᾱ for the whole batch, and a shape that does not broadcast per example.
    /// </summary>
    public static CheckResult CheckQSample(Func<Tensor, Tensor, Tensor, Tensor, Tensor> qSample)
    {
        ArgumentNullException.ThrowIfNull(qSample);
        using var scope = NewDisposeScope();
        var check = new FunctionCheck("q_sample", ["x0", "t", "noise", "beta"],
            a => Diffusion(a[3]).QSample(a[0], a[1].to(ScalarType.Int64), a[2]))
        {
            Cases = QSampleCases(),
            Int64Arguments = new HashSet<int> { 1 },
            OutputDescription = "x_t, the shape of x0",
            ShapeHints = [Hint.WhenShape("give each example its own ᾱ_t: pick ᾱ at the B steps in t, then reshape the (B) values to (B, 1, 1, 1) so that they scale whole images.", (_, _) => true)],
            ValueHints =
            [
                Hint.WhenOutputMatches("the coefficients need square roots: x_t = √ᾱ_t · x0 + √(1 − ᾱ_t) · ε, so that the variance is ᾱ_t Var(x0) + (1 − ᾱ_t).",
                    a => Mix(a[0], a[2], Per(AlphaBar(a[3]), a[1]), sqrt: false)),
                Hint.WhenOutputMatches("the two coefficients are swapped: the signal x0 gets √ᾱ_t, which starts near 1, and the noise gets √(1 − ᾱ_t).",
                    a => Mix(a[2], a[0], Per(AlphaBar(a[3]), a[1]))),
                Hint.WhenOutputMatches("you used α_t = 1 − β_t, the share kept by one step; x_t is reached from x0 in t + 1 steps, so it needs the product ᾱ_t = Π_{s ≤ t} (1 − β_s) (cumprod).",
                    a => Mix(a[0], a[2], Per(1 - a[3], a[1]))),
                Hint.WhenOutputMatches("ᾱ is one step late: with steps counted from 0, ᾱ_t includes β_0 … β_t, so t = 0 already has ᾱ_0 = 1 − β_0.",
                    a => Mix(a[0], a[2], Per(AlphaBarPrev(a[3]), a[1]))),
                Hint.WhenOutputMatches("ᾱ is one step early: ᾱ_t is the product up to and including step t, not t + 1.",
                    a => Mix(a[0], a[2], Per(AlphaBar(a[3]), (a[1] + 1).clamp(max: a[3].size(0) - 1)))),
                Hint.WhenOutputMatches("every example got the ᾱ of the first one's step: use each example's own t.",
                    a => Mix(a[0], a[2], Per(AlphaBar(a[3]), a[1][0].expand(a[1].size(0))))),
            ],
        };
        return check.Run(a => qSample(a[0], a[1], a[2], a[3]));
    }

    /// <summary>
    /// Checks <paramref name="posteriorMean"/>(x0 (B, C, H, W), x_t (B, C, H, W), t (B) int64, beta (T)) → μ̃_t (B, C, H, W),
    /// the mean of q(x_{t−1} | x_t, x_0) = √ᾱ_{t−1} β_t / (1 − ᾱ_t) · x_0 + √α_t (1 − ᾱ_{t−1}) / (1 − ᾱ_t) · x_t
    /// (Ho et al. 2020, eq. 7) with ᾱ_{−1} = 1 before the first step, on: t = 0 (where μ̃ is x0 itself), mixed steps, and
    /// a cosine schedule. Hints recognise x0 and x_t swapped, a missing square root on ᾱ_{t−1} or α_t, ᾱ_t used for
    /// ᾱ_{t−1}, ᾱ before the first step wrapped round to the last one, and a shape that does not broadcast.
    /// </summary>
    public static CheckResult CheckPosteriorMean(Func<Tensor, Tensor, Tensor, Tensor, Tensor> posteriorMean)
    {
        ArgumentNullException.ThrowIfNull(posteriorMean);
        using var scope = NewDisposeScope();
        var check = new FunctionCheck("posterior mean", ["x0", "x_t", "t", "beta"],
            a => Diffusion(a[3]).PosteriorMean(a[0], a[1], a[2].to(ScalarType.Int64)))
        {
            Cases = PosteriorCases(),
            Int64Arguments = new HashSet<int> { 2 },
            OutputDescription = "μ̃, the shape of x0",
            ShapeHints = [Hint.WhenShape("give each example its own coefficients: pick them at the B steps in t and reshape the (B) values to (B, 1, 1, 1).", (_, _) => true)],
            ValueHints =
            [
                Hint.WhenOutputMatches("x0 and x_t are swapped: x0 is multiplied by √ᾱ_{t−1} β_t / (1 − ᾱ_t), x_t by √α_t (1 − ᾱ_{t−1}) / (1 − ᾱ_t).",
                    a => Posterior(a[1], a[0], a[2], a[3])),
                Hint.WhenOutputMatches("the coefficient of x0 needs √ᾱ_{t−1}, the square root.",
                    a => Posterior(a[0], a[1], a[2], a[3], sqrtAlphaBarPrev: false)),
                Hint.WhenOutputMatches("the coefficient of x_t needs √α_t, the square root of α_t = 1 − β_t.",
                    a => Posterior(a[0], a[1], a[2], a[3], sqrtAlpha: false)),
                Hint.WhenOutputMatches("you used ᾱ_t where the formula has ᾱ_{t−1}, the product up to the step before t (1 before the first step).",
                    a => Posterior(a[0], a[1], a[2], a[3], previous: AlphaBar(a[3]))),
                Hint.WhenOutputMatches("at t = 0 the step before is the clean image: ᾱ_{−1} = 1, not ᾱ of the last step (an index of −1 wraps round).",
                    a => Posterior(a[0], a[1], a[2], a[3], previous: cat([AlphaBar(a[3])[^1..], AlphaBar(a[3])[..^1]]))),
            ],
        };
        return check.Run(a => posteriorMean(a[0], a[1], a[2], a[3]));
    }

    /// <summary>
    /// Checks <paramref name="reverseStep"/>(x_t (B, C, H, W), t, epsilon (B, C, H, W), z (B, C, H, W), beta (T)) → x_{t−1},
    /// one step of DDPM's sampler (Ho et al. 2020, Algorithm 2, line 4) with σ_t² = β_t:
    /// x_{t−1} = (x_t − β_t / √(1 − ᾱ_t) · ε) / √α_t + σ_t z, and no noise at the last step t = 0, on: t = 0, a middle
    /// step and t = T − 1. Hints recognise noise added at t = 0, β_t used for σ_t, the posterior variance β̃_t used
    /// for σ_t², a division by α_t instead of √α_t, a missing square root on 1 − ᾱ_t, and the noise left out.
    /// </summary>
    public static CheckResult CheckReverseStep(Func<Tensor, int, Tensor, Tensor, Tensor, Tensor> reverseStep)
    {
        ArgumentNullException.ThrowIfNull(reverseStep);
        using var scope = NewDisposeScope();
        var check = new FunctionCheck("reverse step", ["x_t", "t", "epsilon", "z", "beta"],
            a => Diffusion(a[4]).PSample((_, _) => a[2], a[0], Step(a), a[3]))
        {
            Cases = ReverseCases(),
            Int64Arguments = new HashSet<int> { 1 },
            OutputDescription = "x_{t−1}, the shape of x_t",
            ValueHints =
            [
                Hint.WhenOutputMatches("the last step (t = 0) adds no noise: return the mean there, so that the sample ends on the model's estimate.",
                    a => Reverse(a, noiseAtZero: true)),
                Hint.WhenOutputMatches("σ_t is the standard deviation: with σ_t² = β_t, multiply z by √β_t, not by β_t.",
                    a => Reverse(a, sigma: (b, _) => b)),
                Hint.WhenOutputMatches("you used the posterior variance β̃_t; this exercise takes σ_t² = β_t (Ho et al. found both work about equally well).",
                    a => Reverse(a, sigma: (b, t) => Math.Sqrt(Diffusion(a[4]).Schedule.PosteriorVariance(t)))),
                Hint.WhenOutputMatches("divide by √α_t, the square root of α_t = 1 − β_t, not by α_t.",
                    a => Reverse(a, sqrtAlpha: false)),
                Hint.WhenOutputMatches("the noise prediction is scaled by β_t / √(1 − ᾱ_t): the square root is missing.",
                    a => Reverse(a, sqrtOneMinusAlphaBar: false)),
                Hint.WhenOutputMatches("the noise σ_t z is missing: every step but the last adds fresh noise.",
                    a => Reverse(a, sigma: (_, _) => 0)),
            ],
        };
        return check.Run(a => reverseStep(a[0], (int)a[1].item<long>(), a[2], a[3], a[4]));
    }

    private static GaussianDiffusion Diffusion(Tensor beta) =>
        new(NoiseSchedule.FromBeta(beta.to(float64, CPU).ToArray<double>()));

    private static int Step(IReadOnlyList<Tensor> a) => (int)a[1].to(float64).item<double>();

    /// <summary>ᾱ_t (T) and ᾱ_{t−1} (T, with 1 before the first step), float64.</summary>
    private static Tensor AlphaBar(Tensor beta) => (1 - beta.to(float64)).cumprod(0);

    private static Tensor AlphaBarPrev(Tensor beta) => cat([ones([1], float64), AlphaBar(beta)[..^1]]);

    /// <summary>values (T) at the steps t (B), shaped (B, 1, 1, 1).</summary>
    private static Tensor Per(Tensor values, Tensor t) => values.to(float64).index_select(0, t.to(ScalarType.Int64)).reshape(-1, 1, 1, 1);

    private static Tensor Mix(Tensor x0, Tensor noise, Tensor alphaBar, bool sqrt = true) => sqrt
        ? alphaBar.sqrt() * x0 + (1 - alphaBar).sqrt() * noise
        : alphaBar * x0 + (1 - alphaBar) * noise;

    private static Tensor Posterior(Tensor x0, Tensor x_t, Tensor t, Tensor beta, bool sqrtAlphaBarPrev = true, bool sqrtAlpha = true,
        Tensor? previous = null)
    {
        var b = beta.to(float64);
        var (alphaBar, prev) = (AlphaBar(b), previous ?? AlphaBarPrev(b));
        var c0 = (sqrtAlphaBarPrev ? prev.sqrt() : prev) * b / (1 - alphaBar);
        var ct = (sqrtAlpha ? (1 - b).sqrt() : 1 - b) * (1 - prev) / (1 - alphaBar);
        return Per(c0, t) * x0 + Per(ct, t) * x_t;
    }

    private static Tensor Reverse(IReadOnlyList<Tensor> a, Func<double, int, double>? sigma = null, bool noiseAtZero = false,
        bool sqrtAlpha = true, bool sqrtOneMinusAlphaBar = true)
    {
        var t = Step(a);
        var s = NoiseSchedule.FromBeta(a[4].to(float64, CPU).ToArray<double>());
        var (b, alphaBar) = (s.Beta[t], s.AlphaBar[t]);
        var mean = (a[0] - b / (sqrtOneMinusAlphaBar ? Math.Sqrt(1 - alphaBar) : 1 - alphaBar) * a[2]) / (sqrtAlpha ? Math.Sqrt(1 - b) : 1 - b);
        if (t == 0 && !noiseAtZero) return mean;
        return mean + (sigma ?? ((beta, _) => Math.Sqrt(beta)))(b, t) * a[3];
    }

    private static readonly double[] Linear10 = NoiseSchedule.Linear(10, 0.02, 0.4).Beta.ToArray();
    private static readonly double[] Cosine12 = NoiseSchedule.Cosine(12).Beta.ToArray();

    private static Tensor Steps(params long[] t) => tensor(t.Select(k => (double)k).ToArray(), float64);

    private static CheckCase[] QSampleCases() =>
    [
        new("every example at the first step t = 0 (x_t is x0 with a little noise), T = 10",
            [FixedInputs.Uniform(21, -1, 1, 2, 1, 2, 2), Steps(0, 0), FixedInputs.Uniform(22, -2, 2, 2, 1, 2, 2), tensor(Linear10, float64)]),
        new("3 examples at the first, a middle and the last step t = 0, 4, 9 of a linear schedule, T = 10",
            [FixedInputs.Uniform(23, -1, 1, 3, 1, 2, 3), Steps(0, 4, 9), FixedInputs.Uniform(24, -2, 2, 3, 1, 2, 3), tensor(Linear10, float64)]),
        new("4 examples on a cosine schedule, T = 12, steps 11, 3, 3, 7",
            [FixedInputs.Uniform(25, -1, 1, 4, 2, 2, 2), Steps(11, 3, 3, 7), FixedInputs.Uniform(26, -2, 2, 4, 2, 2, 2), tensor(Cosine12, float64)]),
    ];

    private static CheckCase[] PosteriorCases() =>
    [
        new("t = 0: before it lies the clean image, so μ̃ is x0 itself, T = 10",
            [FixedInputs.Uniform(31, -1, 1, 2, 1, 2, 2), FixedInputs.Uniform(32, -2, 2, 2, 1, 2, 2), Steps(0, 0), tensor(Linear10, float64)]),
        new("3 examples at steps 1, 5 and 9 of a linear schedule, T = 10",
            [FixedInputs.Uniform(33, -1, 1, 3, 1, 2, 3), FixedInputs.Uniform(34, -2, 2, 3, 1, 2, 3), Steps(1, 5, 9), tensor(Linear10, float64)]),
        new("4 examples on a cosine schedule, T = 12, steps 0, 11, 2, 6",
            [FixedInputs.Uniform(35, -1, 1, 4, 2, 2, 2), FixedInputs.Uniform(36, -2, 2, 4, 2, 2, 2), Steps(0, 11, 2, 6), tensor(Cosine12, float64)]),
    ];

    private static CheckCase[] ReverseCases() =>
    [
        new("a middle step, t = 5 of a linear schedule, T = 10",
            [FixedInputs.Uniform(41, -2, 2, 2, 1, 2, 2), tensor(5.0, float64), FixedInputs.Uniform(42, -1, 1, 2, 1, 2, 2),
             FixedInputs.Uniform(43, -2, 2, 2, 1, 2, 2), tensor(Linear10, float64)]),
        new("the last step of sampling, t = 0 (no noise is added)",
            [FixedInputs.Uniform(44, -2, 2, 3, 1, 2, 2), tensor(0.0, float64), FixedInputs.Uniform(45, -1, 1, 3, 1, 2, 2),
             FixedInputs.Uniform(46, -2, 2, 3, 1, 2, 2), tensor(Linear10, float64)]),
        new("the first step of sampling, t = T − 1 = 11 of a cosine schedule",
            [FixedInputs.Uniform(47, -2, 2, 2, 2, 2, 2), tensor(11.0, float64), FixedInputs.Uniform(48, -1, 1, 2, 2, 2, 2),
             FixedInputs.Uniform(49, -2, 2, 2, 2, 2, 2), tensor(Cosine12, float64)]),
    ];
}
