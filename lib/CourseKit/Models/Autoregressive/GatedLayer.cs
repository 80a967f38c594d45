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
/// <para>
/// Class-conditional (section 2.3, equation 4), when built with <c>classes</c> K &gt; 0: a one-hot label
/// y (B, K) adds a learned bias per class and feature map inside both gates,
/// <code>
/// tanh(W_f * x + V_fᵀ y) ⊙ σ(W_g * x + V_gᵀ y)                          the same V y at every pixel
/// </code>
/// The bias depends on the label only, never on a pixel, so the layer stays causal.
/// </para>
/// Shapes: v and h (B, C_in, H, W) to (B, C_out, H, W) each; y (B, K).
/// </summary>
public sealed class GatedLayer : nn.Module<Tensor, Tensor, (Tensor v, Tensor h)>
{
    public GatedLayer(long in_channels, long out_channels, long kernelSize, MaskType type, long classes = 0)
    {
        if (classes < 0) throw new ArgumentOutOfRangeException(nameof(classes), classes, $"{nameof(GatedLayer)}: classes must be 0 (unconditional) or positive");
        Type = type;
        vertical = new MaskedConv2d(in_channels, 2 * out_channels, CausalMask.Vertical(kernelSize, type));
        horizontal = new MaskedConv2d(in_channels, 2 * out_channels, CausalMask.Horizontal(kernelSize, type));
        vertical_to_horizontal = nn.Conv2d(2 * out_channels, 2 * out_channels, 1);
        horizontal_out = nn.Conv2d(out_channels, out_channels, 1);
        Residual = type == MaskType.B && in_channels == out_channels;
        Classes = classes;
        if (classes > 0)
        {
            vertical_class = nn.Linear(classes, 2 * out_channels, hasBias: false);     // [V_f; V_g] of the vertical stack
            horizontal_class = nn.Linear(classes, 2 * out_channels, hasBias: false);   // ... and of the horizontal stack
        }
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

    /// <summary>K, the number of classes of the label y; 0 for an unconditional layer.</summary>
    public long Classes { get; }

    /// <summary>y (B, K) to the class bias [V_f; V_g]ᵀ y (B, 2C) of the vertical stack, or null when unconditional.</summary>
    public nn.Module<Tensor, Tensor>? vertical_class { get; }

    /// <summary>The same for the horizontal stack, or null when unconditional.</summary>
    public nn.Module<Tensor, Tensor>? horizontal_class { get; }

    /// <summary>The next (v, h) from this layer's (v, h), each (B, C, H, W), for an unconditional layer.</summary>
    public override (Tensor v, Tensor h) forward(Tensor v, Tensor h) => forward(v, h, null);

    /// <summary>
    /// The next (v, h) from this layer's (v, h), each (B, C, H, W), given the one-hot labels
    /// <paramref name="y"/> (B, K) when the layer is conditional (null otherwise).
    /// </summary>
    public (Tensor v, Tensor h) forward(Tensor v, Tensor h, Tensor? y)
    {
        ArgumentNullException.ThrowIfNull(v);
        ArgumentNullException.ThrowIfNull(h);
        if ((y is null) != (Classes == 0))
            throw new ArgumentException(Classes == 0
                ? $"{nameof(GatedLayer)}: this layer is unconditional, but labels were given"
                : $"{nameof(GatedLayer)}: this layer is conditioned on {Classes} classes: pass one-hot labels y (B, {Classes})");
        if (y is not null && (y.dim() != 2 || y.size(0) != v.size(0) || y.size(1) != Classes))
            throw new ArgumentException($"{nameof(GatedLayer)}: y must be one-hot labels (B, K) = ({v.size(0)}, {Classes}), got {y.Describe()}");
        using var scope = NewDisposeScope();
        var vFeatures = vertical.call(v);                                     // (B, 2C, H, W)
        var hFeatures = horizontal.call(h);                                   // (B, 2C, H, W)
        if (y is not null)
        {
            vFeatures = vFeatures + vertical_class!.call(y).unsqueeze(2).unsqueeze(3);       // + V y, broadcast over (H, W)
            hFeatures = hFeatures + horizontal_class!.call(y).unsqueeze(2).unsqueeze(3);
        }
        hFeatures = hFeatures + vertical_to_horizontal.call(vFeatures);       // (B, 2C, H, W)
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
