using static CourseKit.torch;

namespace CourseKit.Models;

/// <summary>
/// A fully visible model of binary images that factorises the likelihood with the chain rule in
/// raster order (row by row, left to right):
/// <code>
/// p(x) = Π_{i=1}^{D} p(x_i | x_1, ..., x_{i-1}),     p(x_i = 1 | x_&lt;i) = σ(ℓ_i(x_&lt;i))
/// </code>
/// <see cref="nn.Module{T, TResult}.forward"/> maps a batch x (B, 1, H, W) of 0/1 pixels to the logits
/// ℓ (B, 1, H, W) of all D = H·W conditionals in one pass; the logit at a pixel may depend only on
/// the pixels before it. Training, likelihood (<see cref="BernoulliPixels"/>), sampling
/// (<see cref="AutoregressiveSampler"/>) and the receptive field (<see cref="ReceptiveField"/>)
/// work on any model of this kind.
/// </summary>
public abstract class AutoregressiveModel : nn.Module<Tensor, Tensor>
{
    /// <summary>The image size the model is built for, or null when any size works (a convolutional model).</summary>
    public virtual (long height, long width)? FixedSize => null;

    /// <summary>The parameters' device.</summary>
    public Device Device => parameters().First().device;

    /// <summary>The parameters' element type (float32 unless the model was converted).</summary>
    public ScalarType DType => parameters().First().dtype;

    /// <summary>Checks that <paramref name="x"/> is (B, 1, H, W) and fits <see cref="FixedSize"/>.</summary>
    protected void CheckInput(Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        var s = x.shape;
        var fits = s.Length == 4 && s[1] == 1 && (FixedSize is not { } f || (s[2] == f.height && s[3] == f.width));
        if (!fits)
            throw new TorchException($"{GetType().Name}.forward({x.Describe()})",
                FixedSize is { } size ? $"expected binary images of shape (B, 1, {size.height}, {size.width})" : "expected binary images of shape (B, 1, H, W)");
    }
}
