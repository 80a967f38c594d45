using CourseKit.Losses;
using static CourseKit.torch;

namespace CourseKit.Models;

/// <summary>
/// The exact log-likelihood of binary images under an <see cref="AutoregressiveModel"/>: by the chain
/// rule, with p_i = σ(ℓ_i) the model's probability that pixel i is 1 given the pixels before it,
/// <code>
/// -log p(x) = -Σ_{i=1}^{D} [ x_i log p_i + (1 - x_i) log(1 - p_i) ]      nats per image
/// bits/dim  = -log p(x) / (D ln 2)
/// </code>
/// computed from the logits with binary cross-entropy on logits (numerically stable for any ℓ).
/// </summary>
public static class BernoulliPixels
{
    /// <summary>-log p(x) in nats for each image: logits and x (B, 1, H, W) (or any (B, ...)) to (B).</summary>
    public static Tensor NegativeLogLikelihood(Tensor logits, Tensor x)
    {
        ArgumentNullException.ThrowIfNull(logits);
        ArgumentNullException.ThrowIfNull(x);
        if (x.dim() < 2)
            throw new ArgumentException($"{nameof(BernoulliPixels)}.{nameof(NegativeLogLikelihood)}: expected a batch (B, ...), got {x.Describe()}");
        using var perPixel = nn.functional.binary_cross_entropy_with_logits(logits, x, reduction: "none");   // (B, 1, H, W)
        using var flat = perPixel.flatten(1);                                                                // (B, D)
        return flat.sum(1);                                                                                  // (B)
    }

    /// <summary>The mean of <see cref="NegativeLogLikelihood"/> over <paramref name="loader"/>'s images, in nats and in bits/dim, in evaluation mode without gradients.</summary>
    public static (double nats, double bitsPerDim) Evaluate(AutoregressiveModel model, IEnumerable<(Tensor x, Tensor y)> loader)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(loader);
        var wasTraining = model.training;
        model.eval();
        using var _ = no_grad();
        double total = 0;
        long count = 0, dimensions = 0;
        foreach (var (batch, _) in loader)
        {
            using var scope = NewDisposeScope();
            var x = batch.to(model.DType, model.Device);                                   // (B, 1, H, W)
            total += NegativeLogLikelihood(model.call(x), x).sum().item<double>();
            count += x.shape[0];
            dimensions = x.shape[1..].Aggregate(1L, (a, b) => a * b);
        }
        model.train(wasTraining);
        if (count == 0) throw new ArgumentException($"{nameof(BernoulliPixels)}.{nameof(Evaluate)}: the loader holds no images");
        var nats = total / count;
        return (nats, BitsPerDim.FromNats(nats, dimensions));
    }
}
