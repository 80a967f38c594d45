using static CourseKit.torch;

namespace CourseKit.Models;

/// <summary>
/// pix2pix-lite: the image-to-image translation GAN of Isola, Zhu, Zhou &amp; Efros 2017 ("Image-to-Image
/// Translation with Conditional Adversarial Networks") scaled down to 28 × 28 images: a U-Net generator
/// (<see cref="UNetGenerator"/>, their section 3.2.1) and a PatchGAN discriminator (<see cref="PatchDiscriminator"/>,
/// section 3.2.2), trained on the cGAN loss plus λ·L1 (<see cref="Pix2PixLosses"/>, equation 4, λ = 100).
/// The paper's generator has eight stride-2 levels for 256 × 256 images and its discriminator sees 70 × 70
/// patches; here the U-Net has three levels (28 → 14 → 7 → 4) and D's patches are 18 × 18 pixels (a 7 × 7 grid of logits).
/// </summary>
public sealed record Pix2PixSettings
{
    /// <summary>Channels of the input (the condition) image.</summary>
    public long InputChannels { get; init; } = 1;

    /// <summary>Channels of the output (target) image.</summary>
    public long OutputChannels { get; init; } = 1;

    /// <summary>c, the channels of G's first level (2c, 4c below it): 32 (the paper: 64 at 256 × 256).</summary>
    public long GeneratorChannels { get; init; } = 32;

    /// <summary>The channels of D's first layer (twice as many in the second): 32 (the paper: 64).</summary>
    public long DiscriminatorChannels { get; init; } = 32;

    /// <summary>Dropout in G's innermost decoder layer: 0.5, kept at test time as the paper's only noise (section 3.1).</summary>
    public double Dropout { get; init; } = 0.5;

    /// <summary>λ, the weight of the L1 term: 100 (Isola et al. 2017, section 4.2 and figure 4).</summary>
    public double Lambda { get; init; } = 100;

    /// <summary>Standard deviation of the initial weights: 0.02 (Isola et al. 2017, section 3.3, following DCGAN).</summary>
    public double InitStd { get; init; } = 0.02;

    public UNetGenerator Generator()
    {
        Validate();
        var g = new UNetGenerator(InputChannels, OutputChannels, GeneratorChannels, Dropout);
        DcganSettings.Initialize(g, InitStd);
        return g;
    }

    public PatchDiscriminator Discriminator()
    {
        Validate();
        var d = new PatchDiscriminator(InputChannels + OutputChannels, DiscriminatorChannels);
        DcganSettings.Initialize(d, InitStd);
        return d;
    }

    public void Validate()
    {
        if (InputChannels < 1 || OutputChannels < 1 || GeneratorChannels < 1 || DiscriminatorChannels < 1)
            throw new ArgumentException($"{nameof(Pix2PixSettings)}: channel counts must be positive, got {InputChannels}, {OutputChannels}, {GeneratorChannels}, {DiscriminatorChannels}");
        if (!(Dropout >= 0 && Dropout < 1)) throw new ArgumentException($"{nameof(Pix2PixSettings)}: Dropout must be in [0, 1), got {Dropout}");
        if (!(Lambda >= 0) || !double.IsFinite(Lambda)) throw new ArgumentException($"{nameof(Pix2PixSettings)}: Lambda (λ) must be non-negative and finite, got {Lambda}");
        if (!(InitStd > 0)) throw new ArgumentException($"{nameof(Pix2PixSettings)}: InitStd must be positive, got {InitStd}");
    }
}
