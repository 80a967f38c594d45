using static CourseKit.torch;

namespace CourseKit.Losses;

/// <summary>The evidence lower bound (ELBO) of a VAE, as a loss.</summary>
public static class Elbo
{
    /// <summary>
    /// The negative ELBO per example, split into reconstruction and KL:
    /// <code>
    /// log p(x) ≥ ELBO(x) = E_{q(z|x)}[ log p(x | z) ] - KL(q(z|x) || p(z))
    /// -ELBO(x) ≈ -log p(x | z) + β · KL(q(z|x) || p(z)),   z = μ + σ ⊙ ε, ε ~ N(0, I)
    /// </code>
    /// with the expectation estimated by one reparameterized sample z and the KL in closed form
    /// (<see cref="GaussianKl.ToStandardNormal"/>). β = 1 gives the bound of Kingma &amp; Welling 2014
    /// ("Auto-Encoding Variational Bayes", eq. 10); β ≠ 1 gives the β-VAE objective of Higgins et
    /// al. 2017 ("β-VAE: Learning basic visual concepts with a constrained variational framework",
    /// ICLR), which is a bound on log p(x) only for β ≥ 1.
    /// </summary>
    /// <param name="logLikelihood">log p(x | z) per example, (B): e.g. <see cref="LogDensity.Bernoulli"/>.</param>
    /// <param name="mu">μ of q(z|x), (B, Z).</param>
    /// <param name="logvar">log σ² of q(z|x), (B, Z).</param>
    /// <param name="beta">β ≥ 0, the weight of the KL term.</param>
    public static NegativeElbo Negative(Tensor logLikelihood, Tensor mu, Tensor logvar, double beta = 1)
    {
        const string function = "Elbo.Negative";
        if (!double.IsFinite(beta) || beta < 0)
            throw new ArgumentOutOfRangeException(nameof(beta), beta, $"{function}: beta must be finite and at least 0, got {beta}");
        PerExample.RequireBatched(function, nameof(mu), mu, "(B, Z)");
        PerExample.RequirePerExample(function, nameof(logLikelihood), logLikelihood, mu.size(0), $"mu {PerExample.Shape(mu)}");
        var kl = GaussianKl.ToStandardNormal(mu, logvar);        // (B)
        var reconstruction = logLikelihood.neg();                // (B)
        var total = reconstruction.add(kl, beta);                // -log p(x|z) + β KL, (B)
        return new NegativeElbo(reconstruction, kl, total, beta);
    }
}
