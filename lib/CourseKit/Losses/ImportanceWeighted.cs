using static CourseKit.torch;

namespace CourseKit.Losses;

/// <summary>
/// The importance-weighted estimate of log p(x) (Burda, Grosse &amp; Salakhutdinov 2016,
/// "Importance Weighted Autoencoders", ICLR, section 3): with z_1..z_k ~ q(z|x),
/// <code>
/// log p(x) ≥ L_k(x) = E[ log (1/k) Σ_i w_i ],   w_i = p(x | z_i) p(z_i) / q(z_i | x)
/// </code>
/// L_1 is the ELBO, L_k ≤ L_{k+1} (their Theorem 1), and L_k → log p(x) as k → ∞, so a large
/// k reports a likelihood rather than a bound.
/// </summary>
public static class ImportanceWeighted
{
    /// <summary>
    /// log w = log p(x | z) + log p(z) - log q(z | x), with p(z) = N(0, I) and q(z|x) = N(μ, diag σ²),
    /// for N pairs (x, z): flatten k samples for B examples to N = k·B.
    /// </summary>
    /// <param name="logLikelihood">log p(x | z), (N).</param>
    /// <param name="z">The samples z ~ q(z|x), (N, Z).</param>
    /// <param name="mu">μ of q(z|x), (N, Z).</param>
    /// <param name="logvar">log σ² of q(z|x), (N, Z).</param>
    /// <returns>log w, (N).</returns>
    public static Tensor LogWeights(Tensor logLikelihood, Tensor z, Tensor mu, Tensor logvar)
    {
        const string function = "ImportanceWeighted.LogWeights";
        PerExample.RequireBatched(function, nameof(z), z, "(N, Z)");
        PerExample.RequireSameShape(function, nameof(z), z, nameof(mu), mu);
        PerExample.RequireSameShape(function, nameof(z), z, nameof(logvar), logvar);
        PerExample.RequirePerExample(function, nameof(logLikelihood), logLikelihood, z.size(0), $"z {PerExample.Shape(z)}");
        using var logPrior = LogDensity.StandardNormal(z);                 // log p(z), (N)
        using var logPosterior = LogDensity.Gaussian(z, mu, logvar);       // log q(z|x), (N)
        using var joint = logLikelihood.add(logPrior);                     // log p(x, z)
        return joint.sub(logPosterior);
    }

    /// <summary>
    /// L_k = log (1/k) Σ_i exp(log w_i) = logsumexp_i(log w_i) - log k, computed with logsumexp
    /// so that no weight exp(log w_i) (often e^-100 for images) is ever formed.
    /// </summary>
    /// <param name="logWeights">log w, (k, B): k samples for each of B examples.</param>
    /// <returns>The estimate of log p(x) per example, (B).</returns>
    public static Tensor LogMarginal(Tensor logWeights)
    {
        ArgumentNullException.ThrowIfNull(logWeights);
        if (logWeights.dim() != 2 || logWeights.size(0) < 1)
            throw new ArgumentException(
                $"ImportanceWeighted.LogMarginal: logWeights must have shape (k, B) with k >= 1 samples per example, got {PerExample.Shape(logWeights)}");
        using var sum = logWeights.logsumexp(0);                           // (B)
        return sum.sub(Math.Log(logWeights.size(0)));
    }
}
