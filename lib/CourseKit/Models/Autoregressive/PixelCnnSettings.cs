namespace CourseKit.Models;

/// <summary>
/// Settings of <see cref="PixelCnn"/> and <see cref="GatedPixelCnn"/>, which share their shape: a first
/// layer with type-A masks and kernel <see cref="FirstKernelSize"/>, then <see cref="Layers"/> layers with
/// type-B masks and kernel <see cref="KernelSize"/>, all <see cref="Channels"/> maps wide, then two 1 x 1
/// convolutions to one logit per pixel. The defaults are small enough to train on a laptop CPU; each
/// model's doc comment gives its paper's sizes.
/// </summary>
public sealed record PixelCnnSettings
{
    /// <summary>Feature maps h of every hidden layer (of each stack, for the gated model).</summary>
    public long Channels { get; init; } = 32;

    /// <summary>Number of type-B layers after the first layer.</summary>
    public int Layers { get; init; } = 5;

    /// <summary>Kernel size of the first, type-A layer: 7 (PixelCNN paper, table 4).</summary>
    public long FirstKernelSize { get; init; } = 7;

    /// <summary>Kernel size of the type-B layers: 3 (PixelCNN paper, table 4).</summary>
    public long KernelSize { get; init; } = 3;

    /// <summary>
    /// K, the number of classes the model is conditioned on: 0 for an unconditional model (the default),
    /// 10 for MNIST digits. Used by <see cref="GatedPixelCnn"/> only, whose gated layers then add a learned
    /// bias per class inside their gates (van den Oord et al. 2016, section 2.3, equation 4);
    /// <see cref="PixelCnn"/> has no conditional form and rejects K &gt; 0.
    /// </summary>
    public long Classes { get; init; }

    public void Validate()
    {
        if (Channels < 1 || Layers < 0)
            throw new ArgumentException($"{nameof(PixelCnnSettings)}: Channels must be at least 1 and Layers at least 0, got {Channels} and {Layers}");
        if (Classes < 0)
            throw new ArgumentException($"{nameof(PixelCnnSettings)}: Classes must be 0 (unconditional) or positive, got {Classes}");
    }
}
