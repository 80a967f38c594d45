namespace CourseKit.Models.Diffusion;

/// <summary>
/// The variances β_1 … β_T of a diffusion's forward process q(x_t | x_{t−1}) = N(√(1 − β_t) x_{t−1}, β_t I),
/// and the quantities derived from them: α_t = 1 − β_t, ᾱ_t = Π_{s ≤ t} α_s (so that
/// q(x_t | x_0) = N(√ᾱ_t x_0, (1 − ᾱ_t) I)), and the signal-to-noise ratio SNR(t) = ᾱ_t / (1 − ᾱ_t).
/// Arrays are indexed by the step t = 0 … T − 1 of the code, which is the paper's t = 1 … T
/// (Ho et al. 2020 count from 1); <see cref="AlphaBarPrev"/>[0] is ᾱ_0 = 1, the clean image.
/// Values are kept in double precision: ᾱ_T of the linear schedule is about 4e-5.
/// </summary>
public sealed class NoiseSchedule
{
    private NoiseSchedule(string name, double[] beta)
    {
        Name = name;
        Beta = beta;
        var alpha = beta.Select(b => 1 - b).ToArray();
        var alphaBar = new double[beta.Length];
        var product = 1.0;
        for (var t = 0; t < beta.Length; t++) alphaBar[t] = product *= alpha[t];
        Alpha = alpha;
        AlphaBar = alphaBar;
        AlphaBarPrev = [1.0, .. alphaBar[..^1]];
    }

    /// <summary>
    /// β_t rising linearly from <paramref name="betaStart"/> to <paramref name="betaEnd"/> over
    /// <paramref name="steps"/> steps: the schedule of DDPM (Ho et al. 2020, §4: T = 1000,
    /// β_1 = 10⁻⁴, β_T = 0.02).
    /// </summary>
    public static NoiseSchedule Linear(int steps = 1000, double betaStart = 1e-4, double betaEnd = 0.02)
    {
        CheckSteps(steps);
        if (!(betaStart > 0 && betaStart <= betaEnd && betaEnd < 1))
            throw new ArgumentOutOfRangeException(nameof(betaEnd),
                $"NoiseSchedule.Linear: need 0 < betaStart ≤ betaEnd < 1, got {betaStart} and {betaEnd}");
        var beta = steps == 1
            ? [betaStart]
            : Enumerable.Range(0, steps).Select(t => betaStart + (betaEnd - betaStart) * t / (steps - 1)).ToArray();
        return new NoiseSchedule("linear", beta);
    }

    /// <summary>
    /// The cosine schedule of Nichol &amp; Dhariwal 2021 (Improved DDPM, eq. 17): ᾱ(t) = f(t) / f(0) with
    /// f(t) = cos²((t/T + s) / (1 + s) · π/2), s = 0.008, and β_t = 1 − ᾱ(t) / ᾱ(t − 1) capped at
    /// <paramref name="maxBeta"/> = 0.999 so that the last steps stay finite. Noise is added more slowly
    /// than by the linear schedule, so fewer steps are spent on nearly pure noise.
    /// </summary>
    public static NoiseSchedule Cosine(int steps = 1000, double s = 0.008, double maxBeta = 0.999)
    {
        CheckSteps(steps);
        double F(double t) => Math.Pow(Math.Cos((t / steps + s) / (1 + s) * Math.PI / 2), 2);
        var beta = Enumerable.Range(0, steps).Select(t => Math.Min(1 - F(t + 1) / F(t), maxBeta)).ToArray();
        return new NoiseSchedule("cosine", beta);
    }

    /// <summary>
    /// A schedule with the given variances β_t, t = 0 … T − 1, each in (0, 1): a short schedule for a test or an
    /// exercise, or one from another paper. ᾱ_t and the rest are derived as for the named schedules.
    /// </summary>
    public static NoiseSchedule FromBeta(IEnumerable<double> beta, string name = "custom")
    {
        ArgumentNullException.ThrowIfNull(beta);
        var values = beta.ToArray();
        CheckSteps(values.Length);
        foreach (var b in values)
            if (!(b > 0 && b < 1))
                throw new ArgumentOutOfRangeException(nameof(beta), $"NoiseSchedule.FromBeta: every β_t must be in (0, 1), got {b}");
        return new NoiseSchedule(name, values);
    }

    /// <summary>"linear", "cosine", or the name given to <see cref="FromBeta"/>.</summary>
    public string Name { get; }

    /// <summary>The number of diffusion steps T.</summary>
    public int Steps => Beta.Count;

    /// <summary>β_t, the variance of the noise added at step t.</summary>
    public IReadOnlyList<double> Beta { get; }

    /// <summary>α_t = 1 − β_t.</summary>
    public IReadOnlyList<double> Alpha { get; }

    /// <summary>ᾱ_t = Π_{s ≤ t} α_s: the share of x_0's variance left in x_t.</summary>
    public IReadOnlyList<double> AlphaBar { get; }

    /// <summary>ᾱ_{t−1}, with ᾱ before the first step equal to 1.</summary>
    public IReadOnlyList<double> AlphaBarPrev { get; }

    /// <summary>SNR(t) = ᾱ_t / (1 − ᾱ_t), the signal-to-noise ratio of x_t (Kingma et al. 2021).</summary>
    public double Snr(int t) => AlphaBar[CheckStep(t)] / (1 - AlphaBar[t]);

    /// <summary>
    /// The variance of the true posterior q(x_{t−1} | x_t, x_0):
    /// β̃_t = (1 − ᾱ_{t−1}) / (1 − ᾱ_t) · β_t (Ho et al. 2020, eq. 7); zero at t = 0.
    /// </summary>
    public double PosteriorVariance(int t) => (1 - AlphaBarPrev[CheckStep(t)]) / (1 - AlphaBar[t]) * Beta[t];

    /// <summary>Throws unless 0 ≤ <paramref name="t"/> &lt; T; returns t.</summary>
    public int CheckStep(int t) => t >= 0 && t < Steps
        ? t
        : throw new ArgumentOutOfRangeException(nameof(t), $"diffusion step {t} is outside 0 … {Steps - 1} of this {Name} schedule");

    public override string ToString() => $"NoiseSchedule({Name}, T = {Steps}, ᾱ_T = {AlphaBar[Steps - 1]:g3})";

    private static void CheckSteps(int steps)
    {
        if (steps < 1) throw new ArgumentOutOfRangeException(nameof(steps), $"NoiseSchedule: need at least one step, got {steps}");
    }
}
