namespace CourseKit.Models.Diffusion;

/// <summary>
/// The size of <see cref="UNet"/>, a small noise predictor for 28x28 images. The defaults train on a
/// 2-core CPU in minutes; a GPU can afford <c>BaseChannels = 64</c>.
/// </summary>
public sealed record UNetSettings
{
    /// <summary>Channels of the images (1 for MNIST).</summary>
    public int ImageChannels { get; init; } = 1;

    /// <summary>Side of the square images; a multiple of 4, as the U-Net halves it twice (28 → 14 → 7).</summary>
    public int ImageSize { get; init; } = 28;

    /// <summary>Channels at full resolution; twice as many at 14x14 and at 7x7.</summary>
    public int BaseChannels { get; init; } = 32;

    /// <summary>Size of the time (and class) embedding fed to every residual block.</summary>
    public int EmbeddingSize { get; init; } = 128;

    /// <summary>Groups of the group normalisations (Wu &amp; He 2018); must divide every channel count.</summary>
    public int Groups { get; init; } = 8;

    /// <summary>A self-attention block at 7x7 between the two middle residual blocks (as DDPM's 16x16 one).</summary>
    public bool Attention { get; init; } = true;

    /// <summary>Classes of a conditional model (10 for MNIST) or null for an unconditional one.</summary>
    public int? NumClasses { get; init; }
}
