using static CourseKit.torch;

namespace CourseKit.Models;

/// <summary>
/// One layer of the Gated PixelCNN (van den Oord, Kalchbrenner, Vinyals, Espeholt, Graves &amp;
/// Kavukcuoglu 2016, "Conditional Image Generation with PixelCNN Decoders", section 2.2, figure 2).
/// Two stacks replace the single raster-masked stack:
/// <code>
/// vertical   v' = tanh(V_f * v) ⊙ σ(V_g * v)                                   k x k, rows above (type B: and the row)
/// horizontal h' = h + W_1x1 (tanh(H_f * h + U_f (V * v)) ⊙ σ(H_g * h + U_g (V * v)))   1 x k, pixels to the left
/// </code>
/// (equation 2: y = tanh(W_f * x) ⊙ σ(W_g * x)). The vertical stack at row i sees only rows before i, so its
/// features may be added to the horizontal stack (through the 1 x 1 convolution U) without breaking
/// causality, and together the two cover every pixel above and to the left: no blind spot. The residual
/// connection of the horizontal stack is left out in the first layer, where h is the image itself.
/// Shapes: v and h (B, C_in, H, W) to (B, C_out, H, W) each.
/// </summary>
public sealed class GatedLayer : nn.Module<Tensor, Tensor, (Tensor v, Tensor h)>
{
    public GatedLayer(long in_channels, long out_channels, long kernelSize, MaskType type)
    {
        Type = type;
        vertical = new MaskedConv2d(in_channels, 2 * out_channels, CausalMask.Vertical(kernelSize, type));
        horizontal = new MaskedConv2d(in_channels, 2 * out_channels, CausalMask.Horizontal(kernelSize, type));
        vertical_to_horizontal = nn.Conv2d(2 * out_channels, 2 * out_channels, 1);
        horizontal_out = nn.Conv2d(out_channels, out_channels, 1);
        Residual = type == MaskType.B && in_channels == out_channels;
        RegisterComponents();
    }

    /// <summary>The mask type of both stacks: A for the first layer, B after it.</summary>
    public MaskType Type { get; }

    /// <summary>Whether the horizontal stack adds its input to its output (every layer after the first).</summary>
    public bool Residual { get; }

    public MaskedConv2d vertical { get; }
    public MaskedConv2d horizontal { get; }
    public nn.Module<Tensor, Tensor> vertical_to_horizontal { get; }
    public nn.Module<Tensor, Tensor> horizontal_out { get; }

    /// <summary>The next (v, h) from this layer's (v, h), each (B, C, H, W).</summary>
    public override (Tensor v, Tensor h) forward(Tensor v, Tensor h)
    {
        using var scope = NewDisposeScope();
        var vFeatures = vertical.call(v);                                     // (B, 2C, H, W)
        var hFeatures = horizontal.call(h) + vertical_to_horizontal.call(vFeatures);   // (B, 2C, H, W)
        var vOut = Gate(vFeatures);                                           // (B, C, H, W)
        var hOut = horizontal_out.call(Gate(hFeatures));                      // (B, C, H, W)
        if (Residual) hOut = hOut + h;
        return (scope.MoveToOuter(vOut), scope.MoveToOuter(hOut));
    }

    /// <summary>tanh(f) ⊙ σ(g) of the two halves f, g of the channels (equation 2), (B, 2C, H, W) to (B, C, H, W).</summary>
    private static Tensor Gate(Tensor features)
    {
        var halves = features.chunk(2, 1);                                    // f, g: (B, C, H, W) each
        return halves[0].tanh() * halves[1].sigmoid();
    }
}
