using CourseKit.Losses;
using static CourseKit.torch;

namespace CourseKit.Models;

/// <summary>
/// The decoder's output distribution p(x | z), one independent factor per pixel (see
/// <see cref="DecoderLikelihood"/>). It turns the decoder's output ("decoded": logits or means)
/// into log p(x | z) for the loss and into E[x | z] for pictures. Holds the learned log σ²
/// (parameter <c>log_sigma2</c>, shape (1)) for <see cref="DecoderLikelihood.GaussianLearnedVariance"/>,
/// and no parameter otherwise.
/// </summary>
public sealed class PixelLikelihood : nn.Module
{
    private readonly double fixedLogVariance;

    public PixelLikelihood(DecoderLikelihood kind, double std)
    {
        if (!Enum.IsDefined(kind))
            throw new ArgumentException($"{nameof(PixelLikelihood)}: unknown likelihood {(int)kind}");
        if (!(std > 0) || !double.IsFinite(std))
            throw new ArgumentException($"{nameof(PixelLikelihood)}: std must be positive and finite, got {std}");
        Kind = kind;
        Std = std;
        fixedLogVariance = 2 * Math.Log(std);                                  // log σ²
        if (kind == DecoderLikelihood.GaussianLearnedVariance)
        {
            log_sigma2 = new nn.Parameter(full([1], fixedLogVariance));         // (1)
            register_parameter(nameof(log_sigma2), log_sigma2);
        }
    }

    public DecoderLikelihood Kind { get; }

    /// <summary>σ of a fixed-variance Gaussian, or the initial σ of a learned one.</summary>
    public double Std { get; }

    /// <summary>The learned log σ² (shape (1)) of <see cref="DecoderLikelihood.GaussianLearnedVariance"/>, else null.</summary>
    public nn.Parameter? log_sigma2 { get; }

    /// <summary>log p(x | z) per example, (B), for data x and the decoder's output, both (B, ...) of one shape.</summary>
    public Tensor LogProb(Tensor x, Tensor decoded) => Kind switch
    {
        DecoderLikelihood.Bernoulli => LogDensity.Bernoulli(x, decoded),
        DecoderLikelihood.Gaussian => LogDensity.Gaussian(x, decoded, fixedLogVariance),
        _ => LogDensity.Gaussian(x, decoded, log_sigma2!),
    };

    /// <summary>E[x | z]: σ(logits) for Bernoulli, the mean itself for a Gaussian; the shape of <paramref name="decoded"/>.</summary>
    public Tensor Mean(Tensor decoded) => Kind == DecoderLikelihood.Bernoulli ? decoded.sigmoid() : decoded.clone();

    protected override string extra_repr() =>
        Kind == DecoderLikelihood.Bernoulli ? "Bernoulli" : $"{Kind}, std={Std.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
}
