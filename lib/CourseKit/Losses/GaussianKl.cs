using static CourseKit.torch;

namespace CourseKit.Losses;

/// <summary>The KL divergence between a diagonal Gaussian and the standard normal, in closed form.</summary>
public static class GaussianKl
{
    /// <summary>
    /// KL(q || p) for q = N(μ, diag σ²) and p = N(0, I), per example, in nats:
    /// <code>
    /// KL(N(μ, σ²) || N(0, I)) = -1/2 Σ_j [ 1 + log σ_j² - μ_j² - σ_j² ]
    /// </code>
    /// Each term is the KL of one coordinate, ½ (σ² + μ² - 1 - log σ²) ≥ 0, zero exactly when
    /// μ = 0 and σ² = 1. Taking log σ² (not σ or log σ) as input keeps σ² = exp(log σ²) positive
    /// without a constraint. Kingma &amp; Welling 2014, "Auto-Encoding Variational Bayes", appendix B.
    /// </summary>
    /// <param name="mu">μ, the posterior means, (B, Z).</param>
    /// <param name="logvar">log σ², the posterior log-variances, (B, Z).</param>
    /// <returns>KL per example, (B).</returns>
    public static Tensor ToStandardNormal(Tensor mu, Tensor logvar)
    {
        const string function = "GaussianKl.ToStandardNormal";
        PerExample.RequireBatched(function, nameof(mu), mu, "(B, Z)");
        PerExample.RequireSameShape(function, nameof(mu), mu, nameof(logvar), logvar);
        using var muSquare = mu.square();                      // μ²
        using var variance = logvar.exp();                     // σ²
        using var a = logvar.sub(muSquare);                    // log σ² - μ²
        using var b = a.sub(variance);                         // log σ² - μ² - σ²
        using var c = b.add(1.0);                              // 1 + log σ² - μ² - σ²
        using var sum = PerExample.Sum(c);                     // (B)
        return sum.mul(-0.5);
    }
}
