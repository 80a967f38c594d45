namespace CourseKit.Models;

/// <summary>
/// The ELBO terms of one training step, batch means in nats per example (for loss curves).
/// </summary>
/// <param name="Step">The step's index, counted from 0 over the whole training run.</param>
/// <param name="Reconstruction">Mean -log p(x | z).</param>
/// <param name="Kl">Mean KL(q(z|x) || p(z)).</param>
/// <param name="Total">Mean Reconstruction + β · Kl, the loss that was minimised.</param>
public sealed record VaeStepLog(long Step, double Reconstruction, double Kl, double Total);
