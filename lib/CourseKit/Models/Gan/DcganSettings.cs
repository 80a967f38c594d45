using CourseKit.Modules;
using static CourseKit.torch;

namespace CourseKit.Models;

/// <summary>
/// DCGAN generator and discriminator for 28 × 28 images (any H, W divisible by 4), following the
/// architecture rules of Radford, Metz &amp; Chintala 2016 (section 3): strided convolutions instead of
/// pooling, batch norm in both networks except G's output and D's input layer, no hidden fully
/// connected layers (G's first layer is the projection of z), ReLU in G with tanh at its output,
/// LeakyReLU(0.2) in D, weights drawn from N(0, 0.02) (batch-norm scales from N(1, 0.02)).
/// <code>
/// G  z (B, Z) -> Linear -> (B, 2c, H/4, W/4) -> BN -> ReLU
///             -> ConvT 4x4/2 -> (B, c, H/2, W/2) -> BN -> ReLU -> ConvT 4x4/2 -> (B, C, H, W) -> tanh
/// D  x (B, C, H, W) -> Conv 4x4/2 -> (B, c, H/2, W/2) -> LeakyReLU
///             -> Conv 4x4/2 -> (B, 2c, H/4, W/4) -> BN -> LeakyReLU -> Flatten -> Linear -> (B, 1)
/// </code>
/// Images are in [−1, 1] (tanh's range). A WGAN-GP critic must not use batch norm, which couples the
/// examples that the per-example penalty treats separately (Gulrajani et al. 2017, section 4):
/// set <see cref="DiscriminatorBatchNorm"/> to false there.
/// </summary>
public sealed record DcganSettings
{
    /// <summary>Z, the latent dimension: 100 (Radford et al. 2016).</summary>
    public long LatentSize { get; init; } = 100;

    /// <summary>C, image channels: 1.</summary>
    public long Channels { get; init; } = 1;

    /// <summary>H, image height in pixels: 28.</summary>
    public long Height { get; init; } = 28;

    /// <summary>W, image width in pixels: 28.</summary>
    public long Width { get; init; } = 28;

    /// <summary>c, the channels of the larger feature maps (2c for the smaller ones): 64.</summary>
    public long BaseChannels { get; init; } = 64;

    /// <summary>Batch norm in D's second layer: true (false for a WGAN-GP critic).</summary>
    public bool DiscriminatorBatchNorm { get; init; } = true;

    /// <summary>Standard deviation of the initial weights: 0.02 (Radford et al. 2016, section 4).</summary>
    public double InitStd { get; init; } = 0.02;

    private long Bottleneck => 2 * BaseChannels * (Height / 4) * (Width / 4);

    /// <summary>The generator G: z (B, Z) -> images (B, C, H, W) in [−1, 1].</summary>
    public Generator Generator()
    {
        Validate();
        var c = BaseChannels;
        var net = nn.Sequential(
            nn.Linear(LatentSize, Bottleneck), nn.Unflatten(1, [2 * c, Height / 4, Width / 4]),    // (B, 2c, H/4, W/4)
            nn.BatchNorm2d(2 * c), nn.ReLU(),
            nn.ConvTranspose2d(2 * c, c, 4, stride: 2, padding: 1), nn.BatchNorm2d(c), nn.ReLU(),   // (B, c, H/2, W/2)
            nn.ConvTranspose2d(c, Channels, 4, stride: 2, padding: 1), nn.Tanh());                   // (B, C, H, W)
        Initialize(net, InitStd);
        return new Generator(net, LatentSize);
    }

    /// <summary>The discriminator D: images (B, C, H, W) -> logits (B, 1).</summary>
    public nn.Module<Tensor, Tensor> Discriminator()
    {
        Validate();
        var c = BaseChannels;
        var net = nn.Sequential(
            nn.Conv2d(Channels, c, 4, stride: 2, padding: 1), nn.LeakyReLU(0.2),                    // (B, c, H/2, W/2)
            nn.Conv2d(c, 2 * c, 4, stride: 2, padding: 1),                                           // (B, 2c, H/4, W/4)
            DiscriminatorBatchNorm ? nn.BatchNorm2d(2 * c) : nn.Identity(), nn.LeakyReLU(0.2),
            nn.Flatten(), nn.Linear(Bottleneck, 1));                                                 // (B, 1)
        Initialize(net, InitStd);
        return net;
    }

    /// <summary>Radford et al. 2016's initialisation: weights N(0, std), batch-norm scales N(1, std), biases 0.</summary>
    internal static void Initialize(nn.Module net, double std)
    {
        using var noGrad = no_grad();
        foreach (var m in net.modules())
        {
            switch (m)
            {
                case ConvLayer conv:
                    nn.init.normal_(conv.weight, 0, std);
                    if (conv.bias is not null) nn.init.zeros_(conv.bias);
                    break;
                case Linear linear:
                    nn.init.normal_(linear.weight, 0, std);
                    if (linear.bias is not null) nn.init.zeros_(linear.bias);
                    break;
                case BatchNorm { weight: { } scale, bias: { } shift }:
                    nn.init.normal_(scale, 1, std);
                    nn.init.zeros_(shift);
                    break;
            }
        }
    }

    public void Validate()
    {
        if (LatentSize < 1 || Channels < 1 || BaseChannels < 1)
            throw new ArgumentException($"{nameof(DcganSettings)}: LatentSize, Channels and BaseChannels must be positive, got {LatentSize}, {Channels}, {BaseChannels}");
        if (Height < 4 || Width < 4 || Height % 4 != 0 || Width % 4 != 0)
            throw new ArgumentException($"{nameof(DcganSettings)}: Height and Width must be positive multiples of 4 (two stride-2 layers), got {Height} x {Width}");
        if (!(InitStd > 0)) throw new ArgumentException($"{nameof(DcganSettings)}: InitStd must be positive, got {InitStd}");
    }
}
