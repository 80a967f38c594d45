using static CourseKit.torch;

namespace CourseKit.Models;

/// <summary>
/// A variational autoencoder (Kingma &amp; Welling 2014, "Auto-Encoding Variational Bayes"; Rezende,
/// Mohamed &amp; Wierstra 2014): the latent variable model p(z) = N(0, I), p(x | z) given by the
/// decoder, and the amortised Gaussian posterior q(z | x) = N(μ(x), diag σ²(x)) given by the
/// encoder. Trained by maximising the ELBO (<see cref="Losses.Elbo.Negative"/>):
/// <code>
/// var o = vae.call(x);                                               // Recon, Mu, LogVar, Z
/// var loss = Elbo.Negative(vae.LogLikelihood(x, o.Recon), o.Mu, o.LogVar, beta);
/// loss.Total.mean().backward();
/// </code>
/// Built from <see cref="MlpAutoencoderSettings"/> (the default: 784-400-20, Bernoulli) or
/// <see cref="ConvAutoencoderSettings"/>. Parameter names: <c>encoder.*</c>, <c>fc_mu.*</c>,
/// <c>fc_logvar.*</c>, <c>decoder.*</c> (and <c>likelihood.log_sigma2</c> for a learned variance).
/// </summary>
public sealed class VariationalAutoencoder : AutoencoderBase<VaeOutput>
{
    public VariationalAutoencoder(AutoencoderSettings? settings = null) : base(settings ?? new MlpAutoencoderSettings())
    {
        encoder = Settings.Encoder();
        fc_mu = nn.Linear(Settings.EncoderFeatures, Settings.LatentSize);
        fc_logvar = nn.Linear(Settings.EncoderFeatures, Settings.LatentSize);
        RegisterComponents();
    }

    /// <summary>The shared encoder body: (B, *InputShape) to h (B, EncoderFeatures).</summary>
    public nn.Module<Tensor, Tensor> encoder { get; }

    /// <summary>h to μ(x), (B, Z).</summary>
    public nn.Module<Tensor, Tensor> fc_mu { get; }

    /// <summary>h to log σ²(x), (B, Z): the log-variance, so that σ² = exp(log σ²) is positive for any output.</summary>
    public nn.Module<Tensor, Tensor> fc_logvar { get; }

    /// <summary>q(z | x): the mean μ and the log-variance log σ² for x (B, D) or (B, C, H, W), each (B, Z).</summary>
    public (Tensor mu, Tensor logvar) Encode(Tensor x)
    {
        using var input = AsInput(x, nameof(Encode));                        // (B, *InputShape)
        using var h = encoder.call(input);                                   // (B, EncoderFeatures)
        return (fc_mu.call(h), fc_logvar.call(h));                           // (B, Z), (B, Z)
    }

    /// <summary>z = μ + σ ⊙ ε, ε ~ N(0, I): <see cref="Reparameterization.Sample"/>. Shapes (B, Z) in, (B, Z) out.</summary>
    public Tensor Reparameterize(Tensor mu, Tensor logvar) => Reparameterization.Sample(mu, logvar);

    /// <summary>Encode, sample z with <see cref="Reparameterize"/>, decode; Recon has the shape of x.</summary>
    public override VaeOutput forward(Tensor x)
    {
        var (mu, logvar) = Encode(x);                                        // (B, Z) each
        var z = Reparameterize(mu, logvar);                                  // (B, Z)
        using var decoded = Decode(z);                                       // (B, *InputShape)
        return new VaeOutput(decoded.reshape(x.shape), mu, logvar, z);
    }

    /// <summary>The posterior mean μ(x) = E[z | x] under q, (B, Z), without gradient: the point to plot for x.</summary>
    public Tensor PosteriorMean(Tensor x)
    {
        using var noGrad = no_grad();
        var (mu, logvar) = Encode(x);
        logvar.Dispose();
        return mu;
    }

    /// <summary>Pictures of the reconstructions E[x | z = μ(x)]: (B, C, H, W) in [0, 1], without gradient.</summary>
    public Tensor Reconstruct(Tensor x)
    {
        using var mu = PosteriorMean(x);
        return DecodeMean(mu);
    }
}
