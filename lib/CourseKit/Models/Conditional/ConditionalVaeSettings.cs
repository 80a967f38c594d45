namespace CourseKit.Models;

/// <summary>
/// Settings of <see cref="ConditionalVae"/>: the MLP of Kingma &amp; Welling 2014 (one hidden layer of 400
/// ReLU units in each network) with a one-hot label appended to the input of the encoder and of the
/// decoder (Sohn, Lee &amp; Yan 2015, "Learning Structured Output Representation using Deep Conditional
/// Generative Models", section 4; Kingma, Rezende, Mohamed &amp; Welling 2014, model M2 with the label observed).
/// </summary>
public sealed record ConditionalVaeSettings
{
    /// <summary>K, the number of classes of the label y: 10 for digits.</summary>
    public long Classes { get; init; } = 10;

    /// <summary>Image channels C.</summary>
    public long Channels { get; init; } = 1;

    /// <summary>Image height H in pixels.</summary>
    public long Height { get; init; } = 28;

    /// <summary>Image width W in pixels.</summary>
    public long Width { get; init; } = 28;

    /// <summary>Z, the dimension of z: 20 (as the unconditional MNIST VAE of notebook 03); 2 to plot the latent space.</summary>
    public long LatentSize { get; init; } = 20;

    /// <summary>Hidden units of the encoder and of the decoder: 400 (Kingma &amp; Welling 2014, appendix C).</summary>
    public long HiddenSize { get; init; } = 400;

    /// <summary>D = C·H·W, the values in one image.</summary>
    public long Dimensions => Channels * Height * Width;

    public void Validate()
    {
        if (Classes < 1 || Channels < 1 || Height < 1 || Width < 1 || LatentSize < 1 || HiddenSize < 1)
            throw new ArgumentException($"{nameof(ConditionalVaeSettings)}: Classes, Channels, Height, Width, LatentSize and HiddenSize must be positive, " +
                                        $"got {Classes}, {Channels}, {Height}, {Width}, {LatentSize}, {HiddenSize}");
    }
}
