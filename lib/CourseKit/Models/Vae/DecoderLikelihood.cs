namespace CourseKit.Models;

/// <summary>The distribution p(x | z) a decoder's output parameterises, one independent factor per pixel.</summary>
public enum DecoderLikelihood
{
    /// <summary>
    /// Bernoulli: the decoder outputs logits l, p(x_d = 1 | z) = σ(l_d); for binary images
    /// (Kingma &amp; Welling 2014, appendix C.1).
    /// </summary>
    Bernoulli,

    /// <summary>
    /// Gaussian with a fixed variance: the decoder outputs the mean μ, p(x_d | z) = N(μ_d, σ²)
    /// with σ the settings' DecoderStd; log p(x|z) is then -‖x - μ‖² / (2σ²) plus a constant.
    /// </summary>
    Gaussian,

    /// <summary>
    /// Gaussian with a learned variance: as <see cref="Gaussian"/>, with one log σ² shared by all
    /// pixels learned with the network (initialised at the settings' DecoderStd), which calibrates
    /// the weight of the reconstruction term against the KL (Rybkin, Daniilidis &amp; Levine 2021,
    /// "Simple and Effective VAE Training with Calibrated Decoders", ICML, σ-VAE).
    /// </summary>
    GaussianLearnedVariance,
}
