using CourseKit.Modules;
using static CourseKit.torch;

namespace CourseKit.Models;

/// <summary>
/// A 2-D convolution whose kernel is multiplied by a fixed 0/1 mask before every use,
/// <code>
/// y = conv2d(x, W ⊙ M, b)      W (C_out, C_in, kH, kW), M (kH, kW) broadcast over channels
/// </code>
/// with "same" padding (kH / 2, kW / 2), so (B, C_in, H, W) maps to (B, C_out, H, W). The masked
/// entries get a zero gradient, so they stay irrelevant however long the model trains (van den Oord
/// et al. 2016, "Pixel Recurrent Neural Networks", section 3.4). Weight and bias are initialised as
/// PyTorch initialises Conv2d (the mask does not change the fan-in used for the bounds).
/// Masks come from <see cref="CausalMask"/>.
/// </summary>
public sealed class MaskedConv2d : nn.Module<Tensor, Tensor>
{
    /// <summary>A convolution with the given <paramref name="mask"/> (kH, kW) of zeros and ones; kH and kW odd.</summary>
    public MaskedConv2d(long in_channels, long out_channels, Tensor mask)
    {
        ArgumentNullException.ThrowIfNull(mask);
        if (mask.dim() != 2 || mask.shape[0] % 2 == 0 || mask.shape[1] % 2 == 0)
            throw new ArgumentException($"{nameof(MaskedConv2d)}: the mask must be (kH, kW) with both sizes odd, got [{string.Join(", ", mask.shape)}]");
        ConvInit.CheckGroups(nameof(MaskedConv2d), in_channels, out_channels, 1);
        this.in_channels = in_channels;
        this.out_channels = out_channels;
        kernel_size = [mask.shape[0], mask.shape[1]];
        (weight, bias) = ConvInit.Create([out_channels, in_channels, .. kernel_size], out_channels, hasBias: true);
        this.mask = mask.to(ScalarType.Float32).reshape(1, 1, kernel_size[0], kernel_size[1]);   // (1, 1, kH, kW)
        RegisterComponents();
    }

    /// <summary>PixelCNN's raster-order convolution with a k x k kernel of mask type A or B.</summary>
    public static MaskedConv2d Raster(long in_channels, long out_channels, long kernelSize, MaskType type) =>
        new(in_channels, out_channels, CausalMask.Raster(kernelSize, type));

    public long in_channels { get; }
    public long out_channels { get; }
    public long[] kernel_size { get; }
    public nn.Parameter weight { get; }
    public nn.Parameter? bias { get; }

    /// <summary>The mask M, (1, 1, kH, kW): a buffer, saved with the weights and moved by <c>to()</c>.</summary>
    public Tensor mask { get; }

    public override Tensor forward(Tensor input)
    {
        ConvInit.CheckInput(this, input, in_channels);
        using var masked = weight.mul(mask);                                   // W ⊙ M, (C_out, C_in, kH, kW)
        return nn.functional.conv2d(input, masked, bias, padding: [kernel_size[0] / 2, kernel_size[1] / 2]);   // (B, C_out, H, W)
    }

    protected override string extra_repr() =>
        $"{in_channels}, {out_channels}, kernel_size=({kernel_size[0]}, {kernel_size[1]}), masked";
}
