using static CourseKit.torch;

namespace CourseKit.Losses;

/// <summary>
/// The negative ELBO of a batch split into its two terms, per example, in nats (see
/// <see cref="Elbo.Negative"/>). All three tensors have shape (B); the training loss is
/// <c>Total.mean()</c>.
/// </summary>
/// <param name="Reconstruction">-log p(x | z), the reconstruction term (one sample z ~ q(z|x)).</param>
/// <param name="Kl">KL(q(z|x) || p(z)), the regularisation term.</param>
/// <param name="Total">Reconstruction + Beta · Kl: the negative ELBO when Beta = 1.</param>
/// <param name="Beta">The weight of the KL term.</param>
public sealed record NegativeElbo(Tensor Reconstruction, Tensor Kl, Tensor Total, double Beta);
