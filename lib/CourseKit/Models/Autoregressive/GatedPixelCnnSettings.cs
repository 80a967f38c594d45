namespace CourseKit.Models;

/// <summary>
/// Settings of <see cref="GatedPixelCnn"/>: one gated layer with type-A masks and kernel
/// <see cref="FirstKernelSize"/>, then <see cref="Layers"/> gated layers with type-B masks and kernel
/// <see cref="KernelSize"/>, then two 1 x 1 convolutions to one logit per pixel (van den Oord et al.
/// 2016, "Conditional Image Generation with PixelCNN Decoders", section 2.2 and figure 2; the paper's
/// models are far larger: 20 layers of 384 maps on CIFAR-10).
/// </summary>
public sealed record GatedPixelCnnSettings
{
    /// <summary>Feature maps h of each stack.</summary>
    public long Channels { get; init; } = 32;

    /// <summary>Number of type-B gated layers after the first layer.</summary>
    public int Layers { get; init; } = 5;

    /// <summary>Kernel size of the first, type-A gated layer (7, as PixelCNN's first layer).</summary>
    public long FirstKernelSize { get; init; } = 7;

    /// <summary>Kernel size of the type-B gated layers (3).</summary>
    public long KernelSize { get; init; } = 3;

    /// <summary>
    /// K, the number of classes the model is conditioned on: 0 for an unconditional model (the default),
    /// 10 for MNIST digits. Each gated layer then adds a learned bias per class inside its gates
    /// (van den Oord et al. 2016, section 2.3, equation 4).
    /// </summary>
    public long Classes { get; init; }

    public void Validate()
    {
        if (Channels < 1 || Layers < 0)
            throw new ArgumentException($"{nameof(GatedPixelCnnSettings)}: Channels must be at least 1 and Layers at least 0, got {Channels} and {Layers}");
        if (Classes < 0)
            throw new ArgumentException($"{nameof(GatedPixelCnnSettings)}: Classes must be 0 (unconditional) or positive, got {Classes}");
    }
}
