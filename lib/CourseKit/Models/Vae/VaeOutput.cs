using static CourseKit.torch;

namespace CourseKit.Models;

/// <summary>What <see cref="VariationalAutoencoder.forward"/> returns.</summary>
/// <param name="Recon">The decoder's output for z (logits or means of p(x | z)), in the shape of x.</param>
/// <param name="Mu">μ of q(z | x), (B, Z).</param>
/// <param name="LogVar">log σ² of q(z | x), (B, Z).</param>
/// <param name="Z">The reparameterized sample z = μ + σ ⊙ ε, (B, Z).</param>
public sealed record VaeOutput(Tensor Recon, Tensor Mu, Tensor LogVar, Tensor Z);
