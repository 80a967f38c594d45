using static CourseKit.torch;

namespace CourseKit.Models;

/// <summary>
/// Which input pixels an output of an <see cref="AutoregressiveModel"/> depends on, measured with
/// autograd: the gradient of the logit at one pixel (i, j) with respect to the input image,
/// <code>
/// R_ij(u, v) = Σ_s | ∂ℓ_ij(x_s) / ∂x_s(u, v) |
/// </code>
/// summed over a few random binary images x_s (a single input may hide a connection where a ReLU
/// happens to be off). R_ij(u, v) = 0 for every (u, v) at or after (i, j) in raster order is causality;
/// zeros before (i, j) are a blind spot.
/// </summary>
public static class ReceptiveField
{
    /// <summary>R_ij, (H, W) float64, for output pixel (<paramref name="row"/>, <paramref name="column"/>) of images of the given size.</summary>
    public static Tensor Of(AutoregressiveModel model, long height, long width, long row, long column, int samples = 4)
    {
        using var all = All(model, height, width, [(row, column)], samples);   // (1, H, W)
        return all[0];
    }

    /// <summary>
    /// R for several output pixels at once, (P, H, W) float64: each pixel gets its own copies of the
    /// random inputs in one batch, so one backward pass gives all P gradients (the batch elements do
    /// not interact). <paramref name="samples"/> random 0/1 images per pixel, seeded by the global generator.
    /// </summary>
    public static Tensor All(AutoregressiveModel model, long height, long width, IReadOnlyList<(long row, long column)> pixels, int samples = 4)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(pixels);
        if (samples < 1) throw new ArgumentOutOfRangeException(nameof(samples), samples, $"{nameof(ReceptiveField)}: samples must be at least 1");
        foreach (var (r, c) in pixels)
            if (r < 0 || r >= height || c < 0 || c >= width)
                throw new ArgumentOutOfRangeException(nameof(pixels), $"{nameof(ReceptiveField)}: pixel ({r}, {c}) is outside a {height} x {width} image");
        var wasTraining = model.training;
        model.eval();
        using var scope = NewDisposeScope();
        using var _ = enable_grad();
        var count = pixels.Count;
                var x = bernoulli(full([count * samples, 1, height, width], 0.5, model.DType, model.Device)).requires_grad_();   // (P·S, 1, H, W)
        var logits = model.call(x);                                           // (P·S, 1, H, W)
        var rows = tensor(pixels.SelectMany(p => Enumerable.Repeat(p.row * width + p.column, samples)).ToArray());   // (P·S)
        var picked = logits.flatten(1).gather(1, rows.to(model.Device).unsqueeze(1));   // ℓ_ij of each copy, (P·S, 1)
        picked.sum().backward();
        var grad = x.grad!.abs().to(ScalarType.Float64).reshape(count, samples, height, width).sum(1);   // (P, H, W)
        model.train(wasTraining);
        return scope.MoveToOuter(grad.cpu());
    }
}
