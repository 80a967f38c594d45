using static CourseKit.torch;

namespace CourseKit.Models;

/// <summary>
/// The MLP of Kingma &amp; Welling 2014 ("Auto-Encoding Variational Bayes", section 5 and
/// appendix C) for MNIST: D-400-Z encoder and Z-400-D decoder, one hidden layer each. The paper
/// used tanh hidden units; ReLU is used here (it trains faster with Adam and is what most
/// re-implementations use).
/// <code>
/// encoder  (B, D) -> Linear(D, 400) -> ReLU -> (B, 400)          then the latent heads (B, Z)
/// decoder  (B, Z) -> Linear(Z, 400) -> ReLU -> Linear(400, D) -> (B, D)
/// </code>
/// </summary>
public sealed record MlpAutoencoderSettings : AutoencoderSettings
{
    /// <summary>Hidden units of the encoder and of the decoder: 400 (Kingma &amp; Welling 2014, appendix C, MNIST).</summary>
    public long HiddenSize { get; init; } = 400;

    public override long[] InputShape() => [Dimensions];

    public override long EncoderFeatures => HiddenSize;

    public override nn.Module<Tensor, Tensor> Encoder() =>
        nn.Sequential(nn.Linear(Dimensions, HiddenSize), nn.ReLU());                   // (B, D) -> (B, H)

    public override nn.Module<Tensor, Tensor> Decoder() =>
        nn.Sequential(nn.Linear(LatentSize, HiddenSize), nn.ReLU(),                   // (B, Z) -> (B, H)
            nn.Linear(HiddenSize, Dimensions));                                       // (B, D)

    public override void Validate()
    {
        base.Validate();
        if (HiddenSize < 1)
            throw new ArgumentException($"{nameof(MlpAutoencoderSettings)}: HiddenSize must be at least 1, got {HiddenSize}");
    }
}
