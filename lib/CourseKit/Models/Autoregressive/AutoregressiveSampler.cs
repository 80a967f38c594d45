using static CourseKit.torch;

namespace CourseKit.Models;

/// <summary>
/// Ancestral sampling from an <see cref="AutoregressiveModel"/>, one pixel at a time in raster order:
/// <code>
/// x = 0
/// for i = 1 .. D:   ℓ = model(x)_i;   x_i ~ Bernoulli(σ(ℓ / T))
/// </code>
/// D forward passes for D pixels, because x_i must be known before p(x_{i+1} | x_≤i) can be computed
/// (van den Oord et al. 2016, "Pixel Recurrent Neural Networks", section 3.5: training is parallel,
/// generation is sequential). The temperature T scales the logits: T = 1 samples the model, T &lt; 1
/// sharpens each conditional towards its more likely value, T &gt; 1 flattens it towards a fair coin.
/// </summary>
public static class AutoregressiveSampler
{
    /// <summary><paramref name="count"/> images (count, 1, H, W) of 0/1 pixels, on the model's device, in evaluation mode without gradients.</summary>
    public static Tensor Sample(AutoregressiveModel model, long count, long height, long width, double temperature = 1)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (count < 1 || height < 1 || width < 1)
            throw new ArgumentOutOfRangeException(nameof(count), $"{nameof(AutoregressiveSampler)}.{nameof(Sample)}: count, height and width must be positive, got {count}, {height}, {width}");
        if (!(temperature > 0) || double.IsInfinity(temperature))
            throw new ArgumentOutOfRangeException(nameof(temperature), temperature, $"{nameof(AutoregressiveSampler)}.{nameof(Sample)}: the temperature must be positive and finite");
        if (model.FixedSize is { } size && (size.height != height || size.width != width))
            throw new ArgumentException($"{nameof(AutoregressiveSampler)}.{nameof(Sample)}: {model.GetType().Name} generates {size.height} x {size.width} images, not {height} x {width}");
        var wasTraining = model.training;
        model.eval();
        using var _ = no_grad();
        var x = zeros([count, 1, height, width], model.DType, model.Device);     // (N, 1, H, W)
        for (long i = 0; i < height; i++)
            for (long j = 0; j < width; j++)
            {
                using var scope = NewDisposeScope();
                var logits = model.call(x);                                   // (N, 1, H, W)
                var l = logits.select(3, j).select(2, i);                      // ℓ_ij, (N, 1)
                var p = (temperature == 1 ? l : l.div(temperature)).sigmoid();   // σ(ℓ_ij / T)
                x.select(3, j).select(2, i).copy_(bernoulli(p));             // x_ij ~ Bernoulli(p), written into x
            }
        model.train(wasTraining);
        return x;
    }
}
