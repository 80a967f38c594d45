namespace CourseKit.Models;

/// <summary>
/// Settings of <see cref="PixelCnn"/>: a 7 x 7 type-A masked convolution, then
/// <see cref="Layers"/> 3 x 3 type-B masked convolutions with ReLU, then two 1 x 1 convolutions to one
/// logit per pixel (van den Oord et al. 2016, "Pixel Recurrent Neural Networks", table 4, with fewer
/// and narrower layers so that it trains on a laptop CPU: the paper used 15 layers of h = 128 on MNIST).
/// </summary>
public sealed record PixelCnnSettings
{
    /// <summary>Feature maps h of every hidden layer (paper: 128 for MNIST).</summary>
    public long Channels { get; init; } = 32;

    /// <summary>Number of 3 x 3 type-B layers after the first layer (paper: 15).</summary>
    public int Layers { get; init; } = 5;

    /// <summary>Kernel size of the first, type-A layer: 7 (paper, table 4).</summary>
    public long FirstKernelSize { get; init; } = 7;

    /// <summary>Kernel size of the type-B layers: 3 (paper, table 4).</summary>
    public long KernelSize { get; init; } = 3;

    public void Validate()
    {
        if (Channels < 1 || Layers < 0)
            throw new ArgumentException($"{nameof(PixelCnnSettings)}: Channels must be at least 1 and Layers at least 0, got {Channels} and {Layers}");
    }
}
