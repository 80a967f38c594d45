using static CourseKit.torch;

namespace CourseKit.Models;

/// <summary>What <see cref="Autoencoder.forward"/> returns.</summary>
/// <param name="Recon">The decoder's output for x (logits or means of p(x | z)), in the shape of x.</param>
/// <param name="Z">The code z = encoder(x), (B, Z).</param>
public sealed record AutoencoderOutput(Tensor Recon, Tensor Z);
