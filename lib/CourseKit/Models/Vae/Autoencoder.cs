using static CourseKit.torch;

namespace CourseKit.Models;

/// <summary>
/// A deterministic autoencoder: z = encoder(x), x̂ = decoder(z), trained to make p(x | x̂) large
/// (a reconstruction loss only). Nothing shapes the distribution of its codes, which is why
/// decoding z ~ N(0, I) (<see cref="AutoencoderBase{TOutput}.Sample"/>) gives no digits, the
/// motivation for the VAE. Built from <see cref="MlpAutoencoderSettings"/> (the default) or
/// <see cref="ConvAutoencoderSettings"/>.
/// </summary>
public sealed class Autoencoder : AutoencoderBase<AutoencoderOutput>
{
    public Autoencoder(AutoencoderSettings? settings = null) : base(settings ?? new MlpAutoencoderSettings())
    {
        encoder = Settings.Encoder();
        fc_z = nn.Linear(Settings.EncoderFeatures, Settings.LatentSize);
        RegisterComponents();
    }

    /// <summary>The encoder body: (B, *InputShape) to (B, EncoderFeatures).</summary>
    public nn.Module<Tensor, Tensor> encoder { get; }

    /// <summary>The code layer: (B, EncoderFeatures) to z (B, Z).</summary>
    public nn.Module<Tensor, Tensor> fc_z { get; }

    /// <summary>The code z of x (B, D) or (B, C, H, W): (B, Z).</summary>
    public Tensor Encode(Tensor x)
    {
        using var input = AsInput(x, nameof(Encode));                        // (B, *InputShape)
        using var h = encoder.call(input);                                   // (B, EncoderFeatures)
        return fc_z.call(h);                                                 // (B, Z)
    }

    public override AutoencoderOutput forward(Tensor x)
    {
        var z = Encode(x);                                                   // (B, Z)
        using var decoded = Decode(z);                                       // (B, *InputShape)
        return new AutoencoderOutput(decoded.reshape(x.shape), z);           // recon in the shape of x
    }

    /// <summary>Pictures of the reconstructions E[x | z = encoder(x)]: (B, C, H, W) in [0, 1], without gradient.</summary>
    public Tensor Reconstruct(Tensor x)
    {
        using var noGrad = no_grad();
        using var z = Encode(x);
        return DecodeMean(z);
    }
}
