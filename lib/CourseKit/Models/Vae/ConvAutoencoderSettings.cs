using static CourseKit.torch;

namespace CourseKit.Models;

/// <summary>
/// A small conv net for 28 × 28 images (any H and W divisible by 4): two 4 × 4 stride-2
/// convolutions halve the image twice, as in DCGAN's discriminator (Radford, Metz &amp; Chintala
/// 2016), and the decoder mirrors them with transposed convolutions.
/// <code>
/// encoder  (B, C, H, W) -> Conv 4x4/2 -> ReLU -> (B, c1, H/2, W/2) -> Conv 4x4/2 -> ReLU -> (B, c2, H/4, W/4)
///          -> Flatten -> Linear -> ReLU -> (B, hidden)                       then the latent heads (B, Z)
/// decoder  (B, Z) -> Linear -> ReLU -> Linear -> ReLU -> (B, c2, H/4, W/4)
///          -> ConvT 4x4/2 -> ReLU -> (B, c1, H/2, W/2) -> ConvT 4x4/2 -> (B, C, H, W)
/// </code>
/// </summary>
public sealed record ConvAutoencoderSettings : AutoencoderSettings
{
    /// <summary>Channels (c1, c2) after the first and second convolution: (32, 64).</summary>
    public (long First, long Second) ConvChannels { get; init; } = (32, 64);

    /// <summary>Width of the fully connected layer between the convolutions and the latent code: 256.</summary>
    public long HiddenSize { get; init; } = 256;

    public override long[] InputShape() => [Channels, Height, Width];

    public override long EncoderFeatures => HiddenSize;

    /// <summary>c2 · H/4 · W/4, the values of the smallest feature map.</summary>
    private long Bottleneck => ConvChannels.Second * (Height / 4) * (Width / 4);

    public override nn.Module<Tensor, Tensor> Encoder() => nn.Sequential(
        nn.Conv2d(Channels, ConvChannels.First, 4, stride: 2, padding: 1), nn.ReLU(),              // (B, c1, H/2, W/2)
        nn.Conv2d(ConvChannels.First, ConvChannels.Second, 4, stride: 2, padding: 1), nn.ReLU(),   // (B, c2, H/4, W/4)
        nn.Flatten(),                                                                              // (B, c2·H/4·W/4)
        nn.Linear(Bottleneck, HiddenSize), nn.ReLU());                                             // (B, hidden)

    public override nn.Module<Tensor, Tensor> Decoder() => nn.Sequential(
        nn.Linear(LatentSize, HiddenSize), nn.ReLU(),                                              // (B, hidden)
        nn.Linear(HiddenSize, Bottleneck), nn.ReLU(),                                              // (B, c2·H/4·W/4)
        nn.Unflatten(1, [ConvChannels.Second, Height / 4, Width / 4]),                             // (B, c2, H/4, W/4)
        nn.ConvTranspose2d(ConvChannels.Second, ConvChannels.First, 4, stride: 2, padding: 1), nn.ReLU(),   // (B, c1, H/2, W/2)
        nn.ConvTranspose2d(ConvChannels.First, Channels, 4, stride: 2, padding: 1));               // (B, C, H, W)

    public override void Validate()
    {
        base.Validate();
        if (Height % 4 != 0 || Width % 4 != 0)
            throw new ArgumentException(
                $"{nameof(ConvAutoencoderSettings)}: Height and Width must be divisible by 4 (two stride-2 convolutions), got {Height} x {Width}");
        if (ConvChannels.First < 1 || ConvChannels.Second < 1 || HiddenSize < 1)
            throw new ArgumentException(
                $"{nameof(ConvAutoencoderSettings)}: ConvChannels and HiddenSize must be positive, got {ConvChannels} and {HiddenSize}");
    }
}
