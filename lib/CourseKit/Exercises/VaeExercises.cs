using static CourseKit.torch;

namespace CourseKit.Exercises;

/// <summary>
/// The checks of the VAE notebook's exercises. Each runs the student's function on fixed inputs
/// (deterministic, well under a second), compares with the library's implementation in
/// <see cref="Losses"/>, and returns a <see cref="CheckResult"/> that says passed or not yet with a
/// hint for the most likely mistake. A function that still throws
/// <see cref="NotImplementedException"/> gives "not implemented yet", and no exception of the
/// student's code escapes a check. Tensors made during a check are released when it ends.
/// </summary>
public static class VaeExercises
{
    /// <summary>
    /// Checks <paramref name="kl"/>(mu (B, Z), logvar (B, Z)) → (B), the KL divergence per example
    /// KL(N(μ, diag exp(logvar)) || N(0, I)) in nats, on: μ = 0 and logvar = 0 (KL = 0), a mixed
    /// batch, large and small variances. Hints recognise a flipped sign, a missing ½, σ used for σ²,
    /// log σ and log σ² mixed up, a mean over the latent dimensions, μ for μ², a missing 1, and
    /// wrong reductions (shape).
    /// </summary>
    public static CheckResult CheckKl(Func<Tensor, Tensor, Tensor> kl) => KlExercise.Check(kl);

    /// <summary>
    /// Checks <paramref name="reparameterize"/>(mu (B, Z), logvar (B, Z)) → z (B, Z) = μ + σ ⊙ ε,
    /// σ = exp(logvar / 2), ε ~ N(0, I): the shape; over 20000 draws the mean μ and standard
    /// deviation σ of each coordinate (5 standard errors) and independent noise across coordinates;
    /// that z.sum().backward() gives d/dμ = 1 and d/dlogvar = ½ σ ε. Hints recognise exp(logvar),
    /// logvar or 1/σ used as the scale, a missing μ, no or shared noise, NaN from the square root of a
    /// negative logvar, and a detached z.
    /// The check seeds libtorch's global generator with a fixed seed, so its result is the same on
    /// every run; before returning it reseeds the generator from a draw of the notebook's own stream.
    /// </summary>
    public static CheckResult CheckReparameterize(Func<Tensor, Tensor, Tensor> reparameterize) => ReparameterizationExercise.Check(reparameterize);

    /// <summary>
    /// Checks <paramref name="negativeElbo"/>(x (B, 784) binary, logits (B, 784), mu (B, Z), logvar (B, Z)) → (B),
    /// the negative ELBO per example in nats with a Bernoulli decoder given by its logits:
    /// -log p(x | z) + KL(q(z|x) || p(z)). Hints recognise a flipped sign, the reconstruction averaged
    /// over pixels, a missing KL or one with the wrong sign, a sigmoid applied to the logits before a
    /// loss on logits, the KL averaged over latent dimensions or summed over the batch, NaN from logs
    /// of logits, and the batch mean returned (shape).
    /// </summary>
    public static CheckResult CheckNegativeElbo(Func<Tensor, Tensor, Tensor, Tensor, Tensor> negativeElbo) => ElboExercise.Check(negativeElbo);
}
