using static CourseKit.torch;

namespace CourseKit.Models.Diffusion;

public sealed partial class GaussianDiffusion
{
    /// <summary>
    /// The S steps DDIM visits, in sampling order (Song et al. 2021, §4.2 and appendix D.2, the "uniform"
    /// sub-sequence): τ_i = ⌊i T / S⌋ for i = S − 1 … 0. With S = T every step is visited.
    /// </summary>
    public int[] DdimTimesteps(int steps)
    {
        if (steps < 1 || steps > Steps)
            throw new ArgumentOutOfRangeException(nameof(steps), $"GaussianDiffusion: DDIM needs 1 … {Steps} steps, got {steps}");
        return Enumerable.Range(0, steps).Select(i => (int)((long)i * Steps / steps)).Reverse().ToArray();
    }

    /// <summary>
    /// One DDIM step from t to an earlier step <paramref name="tPrev"/> (−1: to the data), Song et al. 2021, eq. 12:
    /// x_prev = √ᾱ_prev x̂_0 + √(1 − ᾱ_prev − σ²) ε_θ(x_t, t) + σ z, where x̂_0 = (x_t − √(1 − ᾱ_t) ε_θ) / √ᾱ_t and
    /// σ = η √((1 − ᾱ_prev) / (1 − ᾱ_t)) √(1 − ᾱ_t / ᾱ_prev) (eq. 16). η = 0 is deterministic (DDIM); η = 1 over
    /// all steps is DDPM with σ_t² = β̃_t. The step to the data (ᾱ_prev = 1) adds no noise for any η.
    /// With <paramref name="clipDenoised"/>, x̂_0 is clipped to [−1, 1] and the ε of the direction term recomputed from
    /// it, ε = (x_t − √ᾱ_t x̂_0) / √(1 − ᾱ_t), so that the step stays consistent with the clipped x̂_0.
    /// Runs without gradient; <paramref name="z"/> is drawn when needed and null.
    /// </summary>
    public Tensor DdimStep(NoisePredictor epsilonModel, Tensor x_t, int t, int tPrev, double eta = 0, Tensor? z = null,
        bool clipDenoised = false)
    {
        ArgumentNullException.ThrowIfNull(epsilonModel);
        ArgumentNullException.ThrowIfNull(x_t);
        Schedule.CheckStep(t);
        if (tPrev < -1 || tPrev >= t)
            throw new ArgumentOutOfRangeException(nameof(tPrev), $"GaussianDiffusion.DdimStep: the previous step must be in −1 … {t - 1}, got {tPrev}");
        if (eta < 0) throw new ArgumentOutOfRangeException(nameof(eta), $"GaussianDiffusion.DdimStep: η must be ≥ 0, got {eta}");
        CheckNoise(z, x_t, nameof(DdimStep));
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var alphaBar = Schedule.AlphaBar[t];
        var alphaBarPrev = tPrev < 0 ? 1.0 : Schedule.AlphaBar[tPrev];
        var epsilon = epsilonModel(x_t, full([x_t.shape[0]], t, ScalarType.Int64, x_t.device));
        CheckSameShape(x_t, epsilon, "the noise predictor's output");
        var x0 = (x_t - Math.Sqrt(1 - alphaBar) * epsilon) / Math.Sqrt(alphaBar);   // x̂_0
        if (clipDenoised)
        {
            x0 = x0.clamp(-1, 1);
            epsilon = (x_t - Math.Sqrt(alphaBar) * x0) / Math.Sqrt(1 - alphaBar);
        }
        var sigma = eta * Math.Sqrt((1 - alphaBarPrev) / (1 - alphaBar) * (1 - alphaBar / alphaBarPrev));
        var direction = Math.Sqrt(Math.Max(1 - alphaBarPrev - sigma * sigma, 0)) * epsilon;
        var xPrev = Math.Sqrt(alphaBarPrev) * x0 + direction;
        if (sigma > 0) xPrev = xPrev + sigma * (z ?? randn_like(x_t));
        return xPrev.MoveToOuterDisposeScope();
    }

    /// <summary>
    /// DDIM sampling (Song et al. 2021) in <paramref name="steps"/> network evaluations instead of T:
    /// x_T ~ N(0, I), then <see cref="DdimStep"/> along <see cref="DdimTimesteps"/>. <paramref name="observe"/>
    /// sees (t, x) after each step, t being the step reached (−1 for the data). <paramref name="clipDenoised"/>: see
    /// <see cref="DdimStep"/>.
    /// </summary>
    public Tensor DdimSample(NoisePredictor epsilonModel, long[] shape, int steps, double eta = 0, Device? device = null,
        Action<int, Tensor>? observe = null, bool clipDenoised = false)
    {
        ArgumentNullException.ThrowIfNull(epsilonModel);
        ArgumentNullException.ThrowIfNull(shape);
        var timesteps = DdimTimesteps(steps);
        var x = randn(shape, device: device);                                 // x_T
        for (var i = 0; i < timesteps.Length; i++)
        {
            var tPrev = i + 1 < timesteps.Length ? timesteps[i + 1] : -1;
            var next = DdimStep(epsilonModel, x, timesteps[i], tPrev, eta, clipDenoised: clipDenoised);
            x.Dispose();
            x = next;
            observe?.Invoke(tPrev, x);
        }
        return x;
    }
}
