using static CourseKit.torch;

namespace CourseKit.Models.Diffusion;

/// <summary>
/// The sinusoidal position embedding of the Transformer (Vaswani et al. 2017, §3.5), used by DDPM to tell
/// the network the step t: e(t) = [sin(t ω_0), …, sin(t ω_{d/2−1}), cos(t ω_0), …, cos(t ω_{d/2−1})] with
/// ω_i = 10000^(−i / (d/2)), so nearby steps get similar codes at every scale.
/// </summary>
public static class SinusoidalEmbedding
{
    /// <summary>The embedding (B, <paramref name="size"/>) of the steps <paramref name="t"/> (B).</summary>
    public static Tensor Of(Tensor t, int size)
    {
        ArgumentNullException.ThrowIfNull(t);
        if (size < 2 || size % 2 != 0)
            throw new ArgumentOutOfRangeException(nameof(size), $"SinusoidalEmbedding: the size must be even and at least 2, got {size}");
        if (t.dim() != 1) throw new ArgumentException($"SinusoidalEmbedding: expected steps of shape (B), got ({string.Join(", ", t.shape)})");
        using var scope = NewDisposeScope();
        var half = size / 2;
        var omega = (arange(half, ScalarType.Float32, t.device) * (-Math.Log(10000) / half)).exp();   // (d/2)
        var angles = t.to(ScalarType.Float32).unsqueeze(1) * omega.unsqueeze(0);                    // (B, d/2)
        return cat([angles.sin(), angles.cos()], 1).MoveToOuterDisposeScope();                      // (B, d)
    }
}
