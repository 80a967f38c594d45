using static CourseKit.torch;

namespace CourseKit.Models.Diffusion;

/// <summary>
/// A denoising diffusion probabilistic model (DDPM, Ho et al. 2020): the fixed forward process that
/// turns data into noise, its training loss, and the learned reverse process that turns noise into data.
/// The network ε_θ is separate (<see cref="NoisePredictor"/>, e.g. <see cref="UNet"/>); this class holds
/// only the schedule's arithmetic. Steps t are 0 … T − 1 (the paper's 1 … T); data are scaled to [−1, 1].
/// </summary>
public sealed partial class GaussianDiffusion
{
    /// <summary>A diffusion over <paramref name="schedule"/> (by default DDPM's linear one, T = 1000).</summary>
    public GaussianDiffusion(NoiseSchedule? schedule = null, ReverseVariance variance = ReverseVariance.Beta)
    {
        Schedule = schedule ?? NoiseSchedule.Linear();
        Variance = variance;
    }

    /// <summary>β_t and the quantities derived from it.</summary>
    public NoiseSchedule Schedule { get; }

    /// <summary>The variance σ_t² of each reverse step.</summary>
    public ReverseVariance Variance { get; }

    /// <summary>The number of steps T.</summary>
    public int Steps => Schedule.Steps;

    /// <summary>
    /// A sample of q(x_t | x_0) = N(√ᾱ_t x_0, (1 − ᾱ_t) I) in one step (Ho et al. 2020, eq. 4):
    /// x_t = √ᾱ_t x_0 + √(1 − ᾱ_t) ε, ε ~ N(0, I). <paramref name="x0"/> is (B, …), <paramref name="t"/> (B)
    /// int64, <paramref name="noise"/> ε like x0 (drawn when null).
    /// </summary>
    public Tensor QSample(Tensor x0, Tensor t, Tensor? noise = null)
    {
        ArgumentNullException.ThrowIfNull(x0);
        var steps = CheckedSteps(t, x0, nameof(QSample));
        CheckNoise(noise, x0, nameof(QSample));
        using var scope = NewDisposeScope();
        var epsilon = noise ?? randn_like(x0);
        var xt = OfAlphaBar(steps, x0, a => Math.Sqrt(a)) * x0 + OfAlphaBar(steps, x0, a => Math.Sqrt(1 - a)) * epsilon;
        return xt.MoveToOuterDisposeScope();                                 // (B, …)
    }

    /// <summary>
    /// The mean of the posterior q(x_{t−1} | x_t, x_0) (Ho et al. 2020, eq. 7):
    /// μ̃_t = √ᾱ_{t−1} β_t / (1 − ᾱ_t) · x_0 + √α_t (1 − ᾱ_{t−1}) / (1 − ᾱ_t) · x_t.
    /// Its variance is <see cref="NoiseSchedule.PosteriorVariance"/>.
    /// </summary>
    public Tensor PosteriorMean(Tensor x0, Tensor x_t, Tensor t)
    {
        ArgumentNullException.ThrowIfNull(x0);
        ArgumentNullException.ThrowIfNull(x_t);
        CheckSameShape(x0, x_t, nameof(PosteriorMean));
        var steps = CheckedSteps(t, x0, nameof(PosteriorMean));
        var s = Schedule;
        using var scope = NewDisposeScope();
        var mean = PerStep(steps, x0, k => Math.Sqrt(s.AlphaBarPrev[k]) * s.Beta[k] / (1 - s.AlphaBar[k])) * x0
                 + PerStep(steps, x0, k => Math.Sqrt(s.Alpha[k]) * (1 - s.AlphaBarPrev[k]) / (1 - s.AlphaBar[k])) * x_t;
        return mean.MoveToOuterDisposeScope();
    }

    /// <summary>
    /// The clean image implied by a noise prediction, x̂_0 = (x_t − √(1 − ᾱ_t) ε) / √ᾱ_t: eq. 4 solved for x_0.
    /// </summary>
    public Tensor PredictStartFromNoise(Tensor x_t, Tensor t, Tensor epsilon)
    {
        ArgumentNullException.ThrowIfNull(x_t);
        CheckSameShape(x_t, epsilon, nameof(PredictStartFromNoise));
        var steps = CheckedSteps(t, x_t, nameof(PredictStartFromNoise));
        using var scope = NewDisposeScope();
        var x0 = (x_t - OfAlphaBar(steps, x_t, a => Math.Sqrt(1 - a)) * epsilon) * OfAlphaBar(steps, x_t, a => 1 / Math.Sqrt(a));
        return x0.MoveToOuterDisposeScope();
    }

    /// <summary>
    /// The simple training loss of Ho et al. 2020 (Algorithm 1, eq. 14), averaged over the batch:
    /// L_simple = E_{t, x_0, ε} ‖ε − ε_θ(√ᾱ_t x_0 + √(1 − ᾱ_t) ε, t)‖², with t uniform on the T steps
    /// (the mean over pixels, as PyTorch's mse_loss). <paramref name="t"/> and <paramref name="noise"/>
    /// are drawn when null (give them to reproduce a loss exactly).
    /// </summary>
    public Tensor Loss(NoisePredictor epsilonModel, Tensor x0, Tensor? t = null, Tensor? noise = null)
    {
        ArgumentNullException.ThrowIfNull(epsilonModel);
        ArgumentNullException.ThrowIfNull(x0);
        using var scope = NewDisposeScope();
        t ??= randint(Steps, [x0.shape[0]], ScalarType.Int64, x0.device);  // (B)
        var epsilon = noise ?? randn_like(x0);                               // (B, C, H, W)
        var x_t = QSample(x0, t, epsilon);
        var predicted = epsilonModel(x_t, t);
        CheckSameShape(x0, predicted, "the noise predictor's output");
        return (predicted - epsilon).square().mean().MoveToOuterDisposeScope();
    }

    /// <summary>
    /// One reverse step, Algorithm 2 of Ho et al. 2020 (line 4):
    /// x_{t−1} = 1/√α_t · (x_t − β_t / √(1 − ᾱ_t) · ε_θ(x_t, t)) + σ_t z, z ~ N(0, I),
    /// and at the last step (t = 0 here, the paper's t = 1) z = 0: the mean is returned without noise.
    /// With <paramref name="clipDenoised"/> the mean is the posterior mean μ̃_t(clip(x̂_0, −1, 1), x_t) (eq. 7) of the
    /// clean image implied by ε_θ, clipped to the data's range, as in the authors' released sampler; without clipping
    /// the two forms are equal. Runs without gradient. <paramref name="z"/> is drawn when null.
    /// </summary>
    public Tensor PSample(NoisePredictor epsilonModel, Tensor x_t, int t, Tensor? z = null, bool clipDenoised = false)
    {
        ArgumentNullException.ThrowIfNull(epsilonModel);
        ArgumentNullException.ThrowIfNull(x_t);
        Schedule.CheckStep(t);
        CheckNoise(z, x_t, nameof(PSample));
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var s = Schedule;
        var steps = full([x_t.shape[0]], t, ScalarType.Int64, x_t.device);                   // (B), all t
        var epsilon = epsilonModel(x_t, steps);
        CheckSameShape(x_t, epsilon, "the noise predictor's output");
        var mean = clipDenoised
            ? PosteriorMean(PredictStartFromNoise(x_t, steps, epsilon).clamp(-1, 1), x_t, steps)    // μ̃_t(clip(x̂_0), x_t)
            : (x_t - s.Beta[t] / Math.Sqrt(1 - s.AlphaBar[t]) * epsilon) / Math.Sqrt(s.Alpha[t]);
        if (t == 0)
            return mean.MoveToOuterDisposeScope();                           // the last step adds no noise
        var sigma = Math.Sqrt(ReverseVarianceAt(t));
        return (mean + sigma * (z ?? randn_like(x_t))).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Sampling, Algorithm 2 of Ho et al. 2020: x_T ~ N(0, I), then <see cref="PSample"/> for
    /// t = T − 1 … 0. Returns x_0 of <paramref name="shape"/> (B, C, H, W). <paramref name="observe"/>,
    /// when given, sees (t, x_t) after each step (e.g. to keep frames of an animation; the tensor is
    /// disposed after the next step, so copy what you keep). <paramref name="clipDenoised"/>: see <see cref="PSample"/>.
    /// </summary>
    public Tensor Sample(NoisePredictor epsilonModel, long[] shape, Device? device = null, Action<int, Tensor>? observe = null,
        bool clipDenoised = false)
    {
        ArgumentNullException.ThrowIfNull(epsilonModel);
        ArgumentNullException.ThrowIfNull(shape);
        var x = randn(shape, device: device);                                 // x_T
        for (var t = Steps - 1; t >= 0; t--)
        {
            var next = PSample(epsilonModel, x, t, clipDenoised: clipDenoised);
            x.Dispose();
            x = next;
            observe?.Invoke(t, x);
        }
        return x;
    }

    /// <summary>σ_t² of the reverse step at t, by <see cref="Variance"/>.</summary>
    public double ReverseVarianceAt(int t) => Variance == ReverseVariance.Beta
        ? Schedule.Beta[Schedule.CheckStep(t)]
        : Schedule.PosteriorVariance(t);

    /// <summary>f(ᾱ_t) (or f(t), by <see cref="PerStep"/>) per example, shaped (B, 1, …, 1) to broadcast over <paramref name="like"/>.</summary>
    private Tensor OfAlphaBar(long[] steps, Tensor like, Func<double, double> ofAlphaBar) =>
        PerStep(steps, like, k => ofAlphaBar(Schedule.AlphaBar[k]));

    private static Tensor PerStep(long[] steps, Tensor like, Func<int, double> ofStep)
    {
        var values = steps.Select(k => ofStep((int)k)).ToArray();                 // in double: converted once, to x's dtype
        var shape = new long[like.dim()];
        Array.Fill(shape, 1L);
        shape[0] = values.Length;
        return tensor(values, shape, like.dtype, like.device);
    }

    /// <summary>The steps in <paramref name="t"/> (B) as numbers, checked against the batch and the schedule.</summary>
    private long[] CheckedSteps(Tensor t, Tensor x, string operation)
    {
        ArgumentNullException.ThrowIfNull(t);
        if (x.dim() < 1 || t.dim() != 1 || t.shape[0] != x.shape[0])
            throw new ArgumentException($"GaussianDiffusion.{operation}: t must be one step per example, shape ({x.shape.FirstOrDefault()}), " +
                $"got t of shape ({string.Join(", ", t.shape)}) for x of shape ({string.Join(", ", x.shape)})");
        if (t.is_floating_point())
            throw new ArgumentException($"GaussianDiffusion.{operation}: t must hold integer steps (int64), got {t.dtype}");
        using var onCpu = t.to(ScalarType.Int64, CPU);
        var steps = onCpu.ToArray<long>();
        foreach (var k in steps)
            if (k < 0 || k >= Steps)
                throw new ArgumentOutOfRangeException(nameof(t), $"GaussianDiffusion.{operation}: step {k} is outside 0 … {Steps - 1}");
        return steps;
    }

    private static void CheckNoise(Tensor? noise, Tensor x, string operation)
    {
        if (noise is not null) CheckSameShape(x, noise, $"GaussianDiffusion.{operation}'s noise");
    }

    private static void CheckSameShape(Tensor expected, Tensor actual, string what)
    {
        ArgumentNullException.ThrowIfNull(actual);
        if (!expected.shape.SequenceEqual(actual.shape))
            throw new ArgumentException($"{what}: expected shape ({string.Join(", ", expected.shape)}), got ({string.Join(", ", actual.shape)})");
    }
}
