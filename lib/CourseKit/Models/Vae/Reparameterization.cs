using static CourseKit.torch;

namespace CourseKit.Models;

/// <summary>
/// The reparameterization trick (Kingma &amp; Welling 2014, section 2.4), shared by every VAE of the kit: a sample
/// of N(μ, diag σ²) written as a differentiable function of μ and log σ² and of noise that does not depend on them,
/// <code>
/// z = μ + σ ⊙ ε,   σ = exp(½ log σ²),   ε ~ N(0, I)
/// </code>
/// so gradients reach the encoder through μ and log σ².
/// </summary>
public static class Reparameterization
{
    /// <summary>One draw of z for <paramref name="mu"/> and <paramref name="logvar"/> of the same shape, e.g. (B, Z).</summary>
    public static Tensor Sample(Tensor mu, Tensor logvar)
    {
        ArgumentNullException.ThrowIfNull(mu);
        ArgumentNullException.ThrowIfNull(logvar);
        if (!mu.shape.SequenceEqual(logvar.shape))
            throw new ArgumentException(
                $"Reparameterize (z = μ + σ ⊙ ε): mu and logvar must have the same shape, got mu [{string.Join(", ", mu.shape)}] " +
                $"and logvar [{string.Join(", ", logvar.shape)}]");
        using var scope = NewDisposeScope();
        var sigma = (logvar * 0.5).exp();                                    // σ
        return scope.MoveToOuter(mu + sigma * randn_like(mu));               // z = μ + σ ⊙ ε
    }
}
