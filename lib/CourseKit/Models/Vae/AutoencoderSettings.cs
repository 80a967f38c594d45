using static CourseKit.torch;

namespace CourseKit.Models;

/// <summary>
/// What an <see cref="Autoencoder"/> and a <see cref="VariationalAutoencoder"/> share: the image
/// size, the latent size, the decoder's likelihood, and the two networks. The architectures are
/// <see cref="MlpAutoencoderSettings"/> and <see cref="ConvAutoencoderSettings"/>; a new one
/// derives from this record and builds its own encoder and decoder.
/// </summary>
public abstract record AutoencoderSettings
{
    /// <summary>Image channels C (1 for MNIST).</summary>
    public long Channels { get; init; } = 1;

    /// <summary>Image height H in pixels (28 for MNIST).</summary>
    public long Height { get; init; } = 28;

    /// <summary>Image width W in pixels (28 for MNIST).</summary>
    public long Width { get; init; } = 28;

    /// <summary>
    /// Z, the dimension of the latent code z: 20 as in the MNIST experiments of Kingma &amp;
    /// Welling 2014 (their figure 2 compares 3 to 200); 2 for a latent space that can be plotted.
    /// </summary>
    public long LatentSize { get; init; } = 20;

    /// <summary>The distribution p(x | z) the decoder's output parameterises (Bernoulli logits by default).</summary>
    public DecoderLikelihood Likelihood { get; init; } = DecoderLikelihood.Bernoulli;

    /// <summary>
    /// σ of a Gaussian p(x | z), in units of pixel intensity in [0, 1]: the fixed value, or the
    /// initial one when the variance is learned. Unused by the Bernoulli likelihood.
    /// </summary>
    public double DecoderStd { get; init; } = 0.1;

    /// <summary>D = C·H·W, the number of values in one image (784 for MNIST).</summary>
    public long Dimensions => Channels * Height * Width;

    /// <summary>The shape of one example as the networks take it: (D) for an MLP, (C, H, W) for a conv net.</summary>
    public abstract long[] InputShape();

    /// <summary>The width of the encoder's last hidden layer, which the latent heads read.</summary>
    public abstract long EncoderFeatures { get; }

    /// <summary>A new encoder body: (B, *InputShape) to (B, EncoderFeatures).</summary>
    public abstract nn.Module<Tensor, Tensor> Encoder();

    /// <summary>A new decoder: z (B, Z) to the parameters of p(x | z), (B, *InputShape).</summary>
    public abstract nn.Module<Tensor, Tensor> Decoder();

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting out of range.</summary>
    public virtual void Validate()
    {
        if (Channels < 1 || Height < 1 || Width < 1)
            throw new ArgumentException($"{GetType().Name}: Channels, Height and Width must be positive, got {Channels}, {Height}, {Width}");
        if (LatentSize < 1)
            throw new ArgumentException($"{GetType().Name}: LatentSize must be at least 1, got {LatentSize}");
        if (!Enum.IsDefined(Likelihood))
            throw new ArgumentException($"{GetType().Name}: unknown Likelihood {(int)Likelihood}");
        if (!(DecoderStd > 0) || !double.IsFinite(DecoderStd))
            throw new ArgumentException($"{GetType().Name}: DecoderStd must be positive and finite, got {DecoderStd}");
    }
}
