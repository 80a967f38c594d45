using static CourseKit.torch;

namespace CourseKit.Models;

/// <summary>
/// GAN losses as functions of the discriminator's raw outputs, written as quantities to minimise and
/// averaged over the batch. D(x) = σ(d(x)) where d is the discriminator's logit, so every log D is a
/// softplus of the logit: log D = −softplus(−d), log(1 − D) = −softplus(d), exact and stable for large |d|.
/// For the Wasserstein losses the output f(x) is the critic's score itself (no sigmoid).
/// Inputs: <c>real</c> = d(x) or f(x) for data, <c>fake</c> = d(G(z)) or f(G(z)), each (B) or (B, 1).
/// </summary>
public static class GanLosses
{
    /// <summary>
    /// The discriminator's loss in the minimax game (Goodfellow et al. 2014, eq. 1; the same for the
    /// non-saturating variant):
    /// <code>L_D = −E_x[log D(x)] − E_z[log(1 − D(G(z)))] = E softplus(−d(x)) + E softplus(d(G(z)))</code>
    /// Minimised by D*(x) = p_data(x) / (p_data(x) + p_g(x)), where it equals log 4 − 2 JSD(p_data ‖ p_g).
    /// </summary>
    public static Tensor Discriminator(Tensor real, Tensor fake)
    {
        Check(real, fake, nameof(Discriminator));
        return nn.functional.softplus(real.neg()).mean() + nn.functional.softplus(fake).mean();
    }

    /// <summary>
    /// The generator's loss in the minimax game (Goodfellow et al. 2014, eq. 1), which saturates:
    /// <code>L_G = E_z[log(1 − D(G(z)))] = −E softplus(d(G(z)))</code>
    /// When D rejects the samples confidently (d ≪ 0) its gradient σ(d) vanishes, and G stops learning.
    /// </summary>
    public static Tensor GeneratorMinimax(Tensor fake)
    {
        Check(fake, nameof(GeneratorMinimax));
        return nn.functional.softplus(fake).mean().neg();
    }

    /// <summary>
    /// The non-saturating generator loss (Goodfellow et al. 2014, section 3):
    /// <code>L_G = −E_z[log D(G(z))] = E softplus(−d(G(z)))</code>
    /// Same fixed point as the minimax loss, but its gradient 1 − σ(d) is largest exactly when D rejects the samples.
    /// </summary>
    public static Tensor GeneratorNonSaturating(Tensor fake)
    {
        Check(fake, nameof(GeneratorNonSaturating));
        return nn.functional.softplus(fake.neg()).mean();
    }

    /// <summary>
    /// The Wasserstein critic's loss (Arjovsky et al. 2017, algorithm 1; Gulrajani et al. 2017, algorithm 1
    /// without the penalty): the critic maximises E f(x) − E f(G(z)), an estimate of the Wasserstein-1
    /// distance (Kantorovich–Rubinstein duality) when f is 1-Lipschitz, so it minimises
    /// <code>L_f = E_z[f(G(z))] − E_x[f(x)]</code>
    /// </summary>
    public static Tensor Critic(Tensor real, Tensor fake)
    {
        Check(real, fake, nameof(Critic));
        return fake.mean() - real.mean();
    }

    /// <summary>The Wasserstein generator's loss (Arjovsky et al. 2017, algorithm 1): <c>L_G = −E_z[f(G(z))]</c>.</summary>
    public static Tensor GeneratorWasserstein(Tensor fake)
    {
        Check(fake, nameof(GeneratorWasserstein));
        return fake.mean().neg();
    }

    /// <summary>
    /// The gradient penalty of WGAN-GP (Gulrajani et al. 2017, eq. 3 and algorithm 1, λ = 10):
    /// <code>
    /// x̂ = ε x + (1 − ε) G(z),   ε ~ U[0, 1] per example
    /// GP = λ E_x̂[(‖∇_x̂ f(x̂)‖₂ − 1)²]
    /// </code>
    /// The gradient is taken with <c>create_graph</c>, so the penalty can be back-propagated into f's
    /// weights (a double backward).
    /// </summary>
    /// <param name="critic">f, from a batch (B, ...) to scores (B) or (B, 1).</param>
    /// <param name="real">x, data (B, ...).</param>
    /// <param name="fake">G(z), samples of the same shape (detach them for the critic's step).</param>
    /// <param name="lambda">λ, the penalty weight (10 in the paper).</param>
    /// <param name="epsilon">ε per example (B), or null to draw it from U[0, 1].</param>
    public static Tensor GradientPenalty(Func<Tensor, Tensor> critic, Tensor real, Tensor fake, double lambda = 10, Tensor? epsilon = null)
    {
        ArgumentNullException.ThrowIfNull(critic);
        ArgumentNullException.ThrowIfNull(real);
        ArgumentNullException.ThrowIfNull(fake);
        if (!real.shape.SequenceEqual(fake.shape) || real.dim() < 2)
            throw new ArgumentException($"GanLosses.GradientPenalty: real and fake must have the same shape (B, ...), got {real.Describe()} and {fake.Describe()}");
        var b = real.size(0);
        long[] broadcast = [b, .. Enumerable.Repeat(1L, (int)real.dim() - 1)];
        if (epsilon is not null && (epsilon.dim() != 1 || epsilon.size(0) != b))
            throw new ArgumentException($"GanLosses.GradientPenalty: epsilon must be (B) = ({b}), got {epsilon.Describe()}", nameof(epsilon));
        using var scope = NewDisposeScope();
        var eps = (epsilon ?? rand([b], dtype: real.dtype, device: real.device)).reshape(broadcast);   // (B, 1, ...)
        var mixed = (eps * real.detach() + (1 - eps) * fake.detach()).requires_grad_();          // x̂ (B, ...)
        var score = critic(mixed);                                                             // (B) or (B, 1)
        var gradient = autograd.grad(score.sum(), mixed, create_graph: true);                  // ∇_x̂ f(x̂), (B, ...)
        var norm = gradient.reshape(b, -1).square().sum(1).add(1e-12).sqrt();                  // (B)
        return ((norm - 1).square().mean() * lambda).MoveToOuterDisposeScope();
    }

    private static void Check(Tensor output, string what)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (output.dim() > 2 || (output.dim() == 2 && output.size(1) != 1))
            throw new ArgumentException($"GanLosses.{what}: expected one score per example, (B) or (B, 1), got {output.Describe()}");
    }

    private static void Check(Tensor real, Tensor fake, string what)
    {
        Check(real, what);
        Check(fake, what);
    }
}
