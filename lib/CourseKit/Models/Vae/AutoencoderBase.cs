using static CourseKit.torch;

namespace CourseKit.Models;

/// <summary>
/// The decoder half that <see cref="Autoencoder"/> and <see cref="VariationalAutoencoder"/> share:
/// the decoder network z (B, Z) to the parameters of p(x | z), the pixel likelihood, and the
/// pictures made from latent codes (prior samples, latent grids). Inputs x may be given flat,
/// (B, D), or as images, (B, C, H, W): each model reshapes them for its networks.
/// </summary>
public abstract class AutoencoderBase<TOutput> : nn.Module<Tensor, TOutput>
{
    private protected AutoencoderBase(AutoencoderSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        Settings = settings;
        decoder = settings.Decoder();
        likelihood = new PixelLikelihood(settings.Likelihood, settings.DecoderStd);
    }

    /// <summary>The settings the model was built with.</summary>
    public AutoencoderSettings Settings { get; }

    /// <summary>Z, the dimension of the latent code.</summary>
    public long LatentSize => Settings.LatentSize;

    /// <summary>z (B, Z) to the parameters of p(x | z), (B, *InputShape).</summary>
    public nn.Module<Tensor, Tensor> decoder { get; }

    /// <summary>p(x | z) given the decoder's output.</summary>
    public PixelLikelihood likelihood { get; }

    /// <summary>The decoder: z (B, Z) to logits (Bernoulli) or means (Gaussian) of p(x | z), (B, *InputShape).</summary>
    public Tensor Decode(Tensor z)
    {
        ArgumentNullException.ThrowIfNull(z);
        if (z.dim() != 2 || z.size(1) != LatentSize)
            throw new ArgumentException($"{GetType().Name}.Decode: z must have shape (B, {LatentSize}), got [{string.Join(", ", z.shape)}]");
        return decoder.call(z);
    }

    /// <summary>log p(x | z) per example, (B), for data x and the decoder's output of the same shape.</summary>
    public Tensor LogLikelihood(Tensor x, Tensor decoded) => likelihood.LogProb(x, decoded);

    /// <summary>
    /// Pictures of E[x | z] for latent codes z (B, Z): images (B, C, H, W) with values in [0, 1]
    /// (a Gaussian mean is clipped to that range). Runs without gradient.
    /// </summary>
    public Tensor DecodeMean(Tensor z)
    {
        using var noGrad = no_grad();
        using var decoded = Decode(z);                                          // (B, *InputShape)
        using var mean = likelihood.Mean(decoded);
        using var images = mean.reshape(z.size(0), Settings.Channels, Settings.Height, Settings.Width);   // (B, C, H, W)
        return images.clamp(0.0, 1.0);
    }

    /// <summary>
    /// Decodes n codes drawn from the prior, z ~ N(0, I): images (n, C, H, W) of E[x | z]. For a
    /// VAE these are samples of the model (shown as their means); an autoencoder was never trained
    /// to give such codes a meaning.
    /// </summary>
    public Tensor Sample(long n)
    {
        if (n < 0) throw new ArgumentOutOfRangeException(nameof(n), n, $"{GetType().Name}.Sample: n must be at least 0, got {n}");
        using var z = randn([n, LatentSize], device: Device);                 // (n, Z)
        return DecodeMean(z);
    }

    /// <summary>
    /// Decodes a rows × cols grid of points of a 2-D latent space (Kingma &amp; Welling 2014,
    /// figure 4): images (rows·cols, C, H, W) in row-major order, z_1 growing from left to right and
    /// z_2 from bottom to top. Without <paramref name="range"/> the coordinates are Gaussian
    /// quantiles Φ⁻¹(p) for p evenly spaced in [0.05, 0.95], so the grid covers the prior's mass
    /// evenly; with it they are evenly spaced in [-range, range]. See <see cref="LatentGridPoints"/>.
    /// </summary>
    public Tensor LatentGrid(int rows, int cols, double? range = null)
    {
        if (LatentSize != 2)
            throw new InvalidOperationException(
                $"{GetType().Name}.LatentGrid: needs a 2-dimensional latent space, this model has LatentSize {LatentSize}");
        using var z = range is double r ? LatentGridPoints.Range(rows, cols, r) : LatentGridPoints.Quantiles(rows, cols);   // (rows·cols, 2)
        using var onDevice = z.to(Device);
        return DecodeMean(onDevice);
    }

    /// <summary>The device of the model's parameters: where trainers and samplers put its inputs and noise.</summary>
    internal Device Device => decoder.parameters().First().device;

    /// <summary>
    /// <paramref name="x"/> reshaped for the encoder, (B, *InputShape), after checking that each
    /// example holds D = C·H·W values.
    /// </summary>
    private protected Tensor AsInput(Tensor x, string method)
    {
        ArgumentNullException.ThrowIfNull(x);
        var shape = x.shape;
        var perExample = shape.Skip(1).Aggregate(1L, (n, d) => n * d);
        if (shape.Length < 2 || perExample != Settings.Dimensions)
            throw new ArgumentException(
                $"{GetType().Name}.{method}: x must be a batch of {Settings.Dimensions}-value examples, shape (B, {Settings.Dimensions}) " +
                $"or (B, {Settings.Channels}, {Settings.Height}, {Settings.Width}), got [{string.Join(", ", shape)}]");
        return x.reshape([shape[0], .. Settings.InputShape()]);
    }
}
