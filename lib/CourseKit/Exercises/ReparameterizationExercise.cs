using static CourseKit.torch;

namespace CourseKit.Exercises;

/// <summary>
/// The check of z = μ + σ ⊙ ε (see <see cref="VaeExercises.CheckReparameterize"/>). z is random,
/// so the values are judged by their statistics over <see cref="Samples"/> draws for one fixed
/// (μ, log σ²) per latent coordinate, and the gradient by its closed form:
/// ∂z/∂μ = 1 and ∂z/∂log σ² = ½ σ ε = ½ (z - μ).
/// </summary>
internal static class ReparameterizationExercise
{
    public const string Name = "reparameterization";

    /// <summary>
    /// Draws per coordinate. The sample mean has standard error σ/√N and the sample standard
    /// deviation σ/√(2N) (normal data), 0.7 % and 0.5 % of σ for N = 20000: a bound of
    /// <see cref="StandardErrors"/> of them fails a right answer with probability below 1e-6
    /// per coordinate, while the mistakes checked for move the statistics by 30 % or more.
    /// </summary>
    private const long Samples = 20_000;

    private const double StandardErrors = 5;

    /// <summary>The largest correlation between the noise of two latent coordinates that passes (its standard error is 1/√N = 0.007).</summary>
    private const double MaxCorrelation = 0.1;

    private const long Seed = 20_140_101;

    // One posterior per latent coordinate: σ = exp(logvar / 2) = 1, 1.82, 0.47, 0.22.
    private static readonly double[] Mu = [0, 1.5, -2, 0.5];
    private static readonly double[] Logvar = [0, 1.2, -1.5, -3];

    private const string NoiseHint =
        "draw ε with the shape of mu (randn_like(mu)): one independent standard normal value per element.";

    private const string GradientHint =
        "did you detach, compute z under no_grad(), or rebuild it from plain numbers (item, ToArray)? The noise must not depend on the parameters, but z must: z = μ + σ ⊙ ε with σ computed from logvar.";

    public static CheckResult Check(Func<Tensor, Tensor, Tensor> reparameterize)
    {
        ArgumentNullException.ThrowIfNull(reparameterize);
        using var scope = NewDisposeScope();
        // The check reseeds libtorch's generator; afterwards it reseeds it from a draw of the
        // notebook's own stream, so the numbers after the check still follow the notebook's seed.
        var next = randint(0, int.MaxValue, [1], int64).item<long>();
        try
        {
            manual_seed(Seed);
            return Shape(reparameterize) ?? Statistics(reparameterize) ?? Gradients(reparameterize)
                ?? CheckResult.Pass(Name,
                    $"z has the shape of mu, mean μ and standard deviation exp(logvar / 2) over {Samples} samples, independent noise per element, and gradients flow to mu and logvar.");
        }
        finally
        {
            manual_seed(next);
        }
    }

    private static CheckResult? Shape(Func<Tensor, Tensor, Tensor> f)
    {
        var mu = FixedInputs.Uniform(31, -1, 1, 3, 5).to(float32);                     // (3, 5)
        var logvar = FixedInputs.Uniform(32, -1, 1, 3, 5).to(float32);
        var z = StudentCode.Call(Name, () => f(mu.clone(), logvar.clone()), "mu [3, 5] float32, logvar [3, 5] float32", out var failure);
        if (z is null) return failure;
        if (z.shape.SequenceEqual(mu.shape)) return null;
        var hint = z.dim() < 2
            ? "z must have the shape of mu: do not sum or average; every element of mu gets its own noise."
            : "z must have the shape of mu: " + NoiseHint;
        return CheckResult.Fail(Name, $"wrong shape: expected [3, 5] (the shape of mu), you returned {TensorText.Shape(z)}", hint,
            "called with mu [3, 5] float32, logvar [3, 5] float32");
    }

    private static CheckResult? Statistics(Func<Tensor, Tensor, Tensor> f)
    {
        long z = Mu.Length;
        var mu = FixedInputs.Rows(Mu).to(float32).expand(Samples, z).contiguous();           // (N, Z), one row repeated
        var logvar = FixedInputs.Rows(Logvar).to(float32).expand(Samples, z).contiguous();   // (N, Z)
        var arguments = $"mu and logvar [{Samples}, {z}] float32, every row mu = {TensorText.List(Mu)}, logvar = {TensorText.List(Logvar)}";
        var output = StudentCode.Call(Name, () => f(mu, logvar), arguments, out var failure);
        if (output is null) return failure;
        if (!output.shape.SequenceEqual(mu.shape))
            return CheckResult.Fail(Name, $"wrong shape: expected [{Samples}, {z}] (the shape of mu), you returned {TensorText.Shape(output)}",
                "z must have the shape of mu: " + NoiseHint, $"called with {arguments}");
        var stats = new SampleStatistics(TensorText.Values(output), (int)z);
        var sigma = Logvar.Select(lv => Math.Exp(lv / 2)).ToArray();

        if (stats.NonFinite)
            return Fail("z contains NaN or infinity",
                "logvar can be negative: a square root or a log of it gives NaN. σ = exp(logvar / 2) is positive for every logvar.", stats, arguments);
        if (stats.Std.All(s => s == 0) && stats.Mean.Zip(Mu).All(p => Math.Abs(p.First - p.Second) < 1e-5))
            return Fail("z equals mu: there is no noise", "add σ ⊙ ε, with " + NoiseHint, stats, arguments);
        if (stats.RowsEqual)
            return Fail("every example got the same z", NoiseHint, stats, arguments);
        // The mean's standard error is judged with the sample's own spread, so a wrong σ is reported as such below.
        if (Enumerable.Range(0, (int)z).Any(j => Math.Abs(stats.Mean[j] - Mu[j]) > StandardErrors * stats.Std[j] / Math.Sqrt(Samples) + 1e-4))
            return Fail($"the mean of z over {Samples} samples is not mu", MeanHint(stats), stats, arguments);
        if (!Matches(stats.Std, sigma))
            return Fail($"the standard deviation of z over {Samples} samples is not σ = exp(logvar / 2) = {TensorText.List(sigma)}", StdHint(stats), stats, arguments);
        if (stats.MaxCorrelation > MaxCorrelation)
            return Fail($"the noise of different latent coordinates is correlated (correlation up to {TensorText.Number(stats.MaxCorrelation)})",
                "a noise of shape [B, 1] repeats one draw across the latent coordinates: " + NoiseHint, stats, arguments);
        return null;
    }

    private static CheckResult? Gradients(Func<Tensor, Tensor, Tensor> f)
    {
        using var grad = enable_grad();
        var mu = FixedInputs.Uniform(33, -1, 1, 3, 5).to(float32).requires_grad_();           // (3, 5) leaves
        var logvar = FixedInputs.Uniform(34, -2, 1, 3, 5).to(float32).requires_grad_();
        const string arguments = "mu [3, 5] float32 and logvar [3, 5] float32, both with requires_grad";
        var z = StudentCode.Call(Name, () => f(mu, logvar), arguments, out var failure);
        if (z is null) return failure;
        if (!z.requires_grad)
            return CheckResult.Fail(Name, "no gradient can flow from z to mu and logvar: z does not require grad", GradientHint, $"called with {arguments}");
        try
        {
            z.sum().backward();
        }
        catch (Exception e)
        {
            return CheckResult.Fail(Name, $"z.sum().backward() threw {e.GetType().Name}: {e.Message}", GradientHint, $"called with {arguments}");
        }
        var muGrad = mu.grad is { } g ? TensorText.Values(g) : null;
        if (muGrad is null || muGrad.Any(v => Math.Abs(v - 1) > 1e-5))
            return CheckResult.Fail(Name,
                muGrad is null ? "no gradient reached mu" : "the gradient of z.sum() with respect to mu is not 1 for every element",
                GradientHint, $"called with {arguments}\nd z.sum() / d mu: {(muGrad is null ? "none" : TensorText.List(muGrad))}, expected all 1");
        var logvarGrad = logvar.grad is { } h ? TensorText.Values(h) : null;
        if (logvarGrad is null || logvarGrad.All(v => v == 0))
            return CheckResult.Fail(Name, "no gradient reached logvar", GradientHint,
                $"called with {arguments}\nd z.sum() / d logvar: {(logvarGrad is null ? "none" : "all 0")}");
        var expected = TensorText.Values(z.detach().sub(mu.detach()).mul(0.5));            // ½ σ ε = ½ (z - μ)
        if (!logvarGrad.Zip(expected).All(p => Math.Abs(p.First - p.Second) <= 1e-4 + 1e-4 * Math.Abs(p.Second)))
            return CheckResult.Fail(Name, "the gradient of z with respect to logvar is not ½ σ ε",
                "with σ = exp(logvar / 2), z changes with logvar by ½ σ ε: is part of the σ-path detached, or does σ come from something other than logvar?",
                $"called with {arguments}\nd z.sum() / d logvar: {TensorText.List(logvarGrad)}\nexpected ½ (z - mu): {TensorText.List(expected)}");
        return null;
    }

    private static string? MeanHint(SampleStatistics stats) =>
        stats.Mean.Zip(stats.Std).All(p => Math.Abs(p.First) <= StandardErrors * p.Second / Math.Sqrt(Samples) + 1e-4)
            ? "z is centred at 0: add mu, z = μ + σ ⊙ ε."
            : null;

    private static string? StdHint(SampleStatistics stats)
    {
        (string hint, Func<double, double> scale)[] mistakes =
        [
            ("you scaled ε by exp(logvar), which is the variance σ²: the standard deviation is σ = exp(logvar / 2).", lv => Math.Exp(lv)),
            ("you scaled ε by logvar itself: logvar is log σ², so σ = exp(logvar / 2).", lv => Math.Abs(lv)),
            ("you divided ε by σ: multiply it, z = μ + σ ⊙ ε with σ = exp(logvar / 2).", lv => Math.Exp(-lv / 2)),
            ("the noise is not scaled: multiply ε by σ = exp(logvar / 2).", _ => 1),
        ];
        return mistakes.FirstOrDefault(m => Matches(stats.Std, Logvar.Select(m.scale).ToArray())).hint;
    }

    /// <summary>Whether sample standard deviations match <paramref name="sigma"/> within <see cref="StandardErrors"/> standard errors.</summary>
    private static bool Matches(double[] std, double[] sigma) =>
        std.Zip(sigma).All(p => Math.Abs(p.First - p.Second) <= StandardErrors * p.Second / Math.Sqrt(2.0 * Samples) + 1e-4);

    private static CheckResult Fail(string message, string? hint, SampleStatistics stats, string arguments) =>
        CheckResult.Fail(Name, message, hint,
            $"called with {arguments}\nmean of z per coordinate: {TensorText.List(stats.Mean)} (mu = {TensorText.List(Mu)})\n" +
            $"std of z per coordinate:  {TensorText.List(stats.Std)} (σ = {TensorText.List(Logvar.Select(lv => Math.Exp(lv / 2)).ToArray())})");
}
