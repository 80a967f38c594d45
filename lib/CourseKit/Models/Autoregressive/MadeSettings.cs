namespace CourseKit.Models;

/// <summary>
/// Settings of <see cref="Made"/>. Defaults follow Germain et al. 2015 ("MADE: Masked Autoencoder for
/// Distribution Estimation", section 6.2, binarized MNIST): one hidden layer of 500 ReLU units, the
/// natural (raster) ordering of the inputs, one connectivity mask.
/// </summary>
public sealed record MadeSettings
{
    /// <summary>Image height in pixels (28 for MNIST).</summary>
    public long Height { get; init; } = 28;

    /// <summary>Image width in pixels (28 for MNIST).</summary>
    public long Width { get; init; } = 28;

    /// <summary>Units of each hidden layer: one layer of 500 (Germain et al. 2015, table 6).</summary>
    public long[] HiddenSizes { get; init; } = [500];

    /// <summary>Seed of the random connectivity numbers m(k) of the hidden units (Germain et al. 2015, section 4.2).</summary>
    public int MaskSeed { get; init; } = 0;

    /// <summary>D = Height · Width, the number of pixels and of conditionals.</summary>
    public long Dimensions => Height * Width;

    public void Validate()
    {
        if (Height < 1 || Width < 1 || Dimensions < 2)
            throw new ArgumentException($"{nameof(MadeSettings)}: the image must have at least 2 pixels, got {Height} x {Width}");
        if (HiddenSizes.Length == 0 || HiddenSizes.Any(h => h < 1))
            throw new ArgumentException($"{nameof(MadeSettings)}: HiddenSizes must hold at least one positive size, got [{string.Join(", ", HiddenSizes)}]");
    }
}
