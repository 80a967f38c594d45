using static CourseKit.torch;

namespace CourseKit.Models;

/// <summary>The joint gradient norm ‖∇_θ L‖₂ = √(Σ_k ‖g_k‖²) over a network's weights, as the GAN trainers log it.</summary>
internal static class GradientNorm
{
    /// <summary>The norm over the weights that have a gradient; 0 when none has.</summary>
    public static double Of(IEnumerable<nn.Parameter> weights)
    {
        using var scope = NewDisposeScope();
        var squares = weights.Select(w => w.grad).OfType<Tensor>().Select(g => g.square().sum()).ToArray();
        return squares.Length == 0 ? 0 : stack(squares).sum().sqrt().item<float>();
    }
}
