using CourseKit.Losses;
using static CourseKit.torch;

namespace CourseKit.Models;

/// <summary>
/// A conditional variational autoencoder (Sohn, Lee &amp; Yan 2015): the label y is given to both networks,
/// <code>
/// q(z | x, y) = N(μ(x, y), diag σ²(x, y))      encoder  [x, onehot(y)] (B, D + K) -> 400 -> μ, log σ² (B, Z)
/// p(x | z, y) = Π_d Bernoulli(σ(ℓ_d(z, y)))    decoder  [z, onehot(y)] (B, Z + K) -> 400 -> ℓ (B, D)
/// p(z | y)    = N(0, I)
/// </code>
/// trained on the conditional ELBO, log p(x | y) ≥ E_q[log p(x | z, y)] − KL(q(z | x, y) ‖ N(0, I))
/// (<see cref="Elbo.Negative"/>). Because the decoder is told the class, z has no reason to encode it:
/// it is left with what the label does not say (slant, thickness, style), so one z decoded under every
/// label writes every digit in the same hand. Parameter names: <c>encoder.*</c>, <c>fc_mu.*</c>,
/// <c>fc_logvar.*</c>, <c>decoder.*</c>.
/// </summary>
public sealed class ConditionalVae : nn.Module<Tensor, Tensor, VaeOutput>
{
    public ConditionalVae(ConditionalVaeSettings? settings = null)
    {
        Settings = settings ?? new ConditionalVaeSettings();
        Settings.Validate();
        var (d, k, h, z) = (Settings.Dimensions, Settings.Classes, Settings.HiddenSize, Settings.LatentSize);
        encoder = nn.Sequential(nn.Linear(d + k, h), nn.ReLU());                                   // (B, D + K) -> (B, H)
        fc_mu = nn.Linear(h, z);
        fc_logvar = nn.Linear(h, z);
        decoder = nn.Sequential(nn.Linear(z + k, h), nn.ReLU(), nn.Linear(h, d));                  // (B, Z + K) -> (B, D)
        RegisterComponents();
    }

    public ConditionalVaeSettings Settings { get; }

    /// <summary>[x, onehot(y)] (B, D + K) to h (B, H).</summary>
    public nn.Module<Tensor, Tensor> encoder { get; }

    /// <summary>h to μ(x, y), (B, Z).</summary>
    public nn.Module<Tensor, Tensor> fc_mu { get; }

    /// <summary>h to log σ²(x, y), (B, Z).</summary>
    public nn.Module<Tensor, Tensor> fc_logvar { get; }

    /// <summary>[z, onehot(y)] (B, Z + K) to the Bernoulli logits ℓ of p(x | z, y), (B, D).</summary>
    public nn.Module<Tensor, Tensor> decoder { get; }

    /// <summary>The device of the weights.</summary>
    public Device Device => decoder.parameters().First().device;

    /// <summary>onehot(y), (B, K) float32 on the model's device, for labels (B) int64 in [0, K).</summary>
    public Tensor OneHot(Tensor labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (labels.dim() != 1)
            throw new ArgumentException($"{nameof(ConditionalVae)}: labels must be (B) class indices, got {labels.Describe()}");
        using var onDevice = labels.to(ScalarType.Int64, Device);
        using var oneHot = nn.functional.one_hot(onDevice, Settings.Classes);               // (B, K) int64
        return oneHot.to(ScalarType.Float32);
    }

    /// <summary>q(z | x, y): μ and log σ², each (B, Z), for x (B, D) or (B, C, H, W) and labels (B).</summary>
    public (Tensor mu, Tensor logvar) Encode(Tensor x, Tensor labels)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.dim() < 2 || x.shape.Skip(1).Aggregate(1L, (a, b) => a * b) != Settings.Dimensions || labels.size(0) != x.size(0))
            throw new ArgumentException($"{nameof(ConditionalVae)}.{nameof(Encode)}: x must be (B, {Settings.Dimensions}) or (B, {Settings.Channels}, {Settings.Height}, {Settings.Width}) " +
                                        $"with labels (B), got {x.Describe()} and {labels.Describe()}");
        using var scope = NewDisposeScope();
        var h = encoder.call(cat([x.flatten(1), OneHot(labels)], 1));                      // (B, H)
        return (scope.MoveToOuter(fc_mu.call(h)), scope.MoveToOuter(fc_logvar.call(h)));   // (B, Z), (B, Z)
    }

    /// <summary>The decoder: z (B, Z) and labels (B) to the logits of p(x | z, y), (B, D).</summary>
    public Tensor Decode(Tensor z, Tensor labels)
    {
        ArgumentNullException.ThrowIfNull(z);
        ArgumentNullException.ThrowIfNull(labels);
        if (z.dim() != 2 || z.size(1) != Settings.LatentSize || labels.dim() != 1 || labels.size(0) != z.size(0))
            throw new ArgumentException($"{nameof(ConditionalVae)}.{nameof(Decode)}: z must be (B, {Settings.LatentSize}) with labels (B), got {z.Describe()} and {labels.Describe()}");
        using var scope = NewDisposeScope();
        return scope.MoveToOuter(decoder.call(cat([z, OneHot(labels)], 1)));               // (B, D)
    }

    /// <summary>Encode, draw z, decode: Recon (logits, in the shape of x), μ, log σ², z.</summary>
    public override VaeOutput forward(Tensor x, Tensor labels)
    {
        var (mu, logvar) = Encode(x, labels);                                             // (B, Z) each
        var z = Reparameterization.Sample(mu, logvar);                                    // (B, Z)
        using var logits = Decode(z, labels);                                             // (B, D)
        return new VaeOutput(logits.reshape(x.shape), mu, logvar, z);
    }

    /// <summary>The negative conditional ELBO per example, (B): −log p(x | z, y) + KL(q(z | x, y) ‖ N(0, I)), x in [0, 1].</summary>
    public NegativeElbo Loss(Tensor x, Tensor labels, double beta = 1)
    {
        var o = forward(x, labels);
        return Elbo.Negative(LogDensity.Bernoulli(x, o.Recon), o.Mu, o.LogVar, beta);
    }

    /// <summary>Pictures of E[x | z, y] = σ(ℓ(z, y)) for codes z (B, Z) and labels (B): (B, C, H, W) in [0, 1], without gradient.</summary>
    public Tensor DecodeMean(Tensor z, Tensor labels)
    {
        using var noGrad = no_grad();
        using var logits = Decode(z, labels);                                             // (B, D)
        using var mean = logits.sigmoid();
        return mean.reshape(z.size(0), Settings.Channels, Settings.Height, Settings.Width);   // (B, C, H, W)
    }

    /// <summary>One sample of p(x | y) per label, shown as E[x | z, y] with z ~ N(0, I): (N, C, H, W) in [0, 1].</summary>
    public Tensor Sample(Tensor labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        using var z = randn([labels.size(0), Settings.LatentSize], device: Device);      // (N, Z)
        return DecodeMean(z, labels);
    }
}
