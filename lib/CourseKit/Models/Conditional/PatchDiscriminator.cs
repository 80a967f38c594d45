using static CourseKit.torch;

namespace CourseKit.Models;

/// <summary>
/// pix2pix's PatchGAN discriminator (Isola et al. 2017, section 3.2.2): a fully convolutional net that sees the
/// condition and an output image stacked as channels and returns one logit per overlapping patch, "is this
/// patch real?", averaged in the loss. It only has to model high-frequency structure inside a patch; the L1 term
/// takes care of the low frequencies. For 28 × 28 inputs each of the 7 × 7 logits sees an 18 × 18 patch:
/// <code>
/// [x, y] (B, Cin + Cout, 28, 28) -> LReLU(Conv 4/2)       (B, c, 14, 14)
///                                -> LReLU(BN(Conv 4/2))   (B, 2c, 7, 7)
///                                -> Conv 3/1              (B, 1, 7, 7)     logits, receptive field 18 × 18
/// </code>
/// Parameter names: <c>net.*</c>.
/// </summary>
public sealed class PatchDiscriminator : nn.Module<Tensor, Tensor, Tensor>
{
    public PatchDiscriminator(long channels, long baseChannels)
    {
        var c = baseChannels;
        net = nn.Sequential(
            nn.Conv2d(channels, c, 4, stride: 2, padding: 1), nn.LeakyReLU(0.2),                     // (B, c, 14, 14)
            nn.Conv2d(c, 2 * c, 4, stride: 2, padding: 1), nn.BatchNorm2d(2 * c), nn.LeakyReLU(0.2),   // (B, 2c, 7, 7)
            nn.Conv2d(2 * c, 1, 3, stride: 1, padding: 1));                                           // (B, 1, 7, 7)
        RegisterComponents();
    }

    public nn.Module<Tensor, Tensor> net { get; }

    /// <summary>Patch logits (B, 1, 7, 7) for the condition x (B, Cin, 28, 28) and an output y (B, Cout, 28, 28).</summary>
    public override Tensor forward(Tensor condition, Tensor output)
    {
        ArgumentNullException.ThrowIfNull(condition);
        ArgumentNullException.ThrowIfNull(output);
        if (condition.dim() != 4 || output.dim() != 4 || condition.size(0) != output.size(0) || condition.size(2) != output.size(2) || condition.size(3) != output.size(3))
            throw new ArgumentException($"{nameof(PatchDiscriminator)}: condition and output must be images (B, C, H, W) of one batch and size, got {condition.Describe()} and {output.Describe()}");
        using var scope = NewDisposeScope();
        return scope.MoveToOuter(net.call(cat([condition, output], 1)));
    }
}
