using static CourseKit.torch;

namespace CourseKit.Models;

/// <summary>
/// The paired data of pix2pix-lite, made from a labelled image set by a fixed, deterministic transform:
/// the input x is the image with its lower rows hidden (set to mid grey), the target y is the whole image.
/// <code>
/// x_ij = y_ij           for rows i &lt; HiddenFrom
/// x_ij = 0              for rows i ≥ HiddenFrom     (mid grey in [−1, 1]; ink is +1, paper −1)
/// </code>
/// Why this transform: the lower half of a digit is not determined by its upper half (the top of a 7 and of
/// a 9, or of a 3 and a 5, look alike, and the stroke's path below varies from hand to hand), so the mapping
/// has several right answers. A generator trained on L1 alone predicts their per-pixel median, a smear;
/// the adversarial term must commit to one plausible stroke. That is the ablation of Isola et al. 2017
/// (figure 4) in a form the bundled MNIST classifier can measure. Images are mapped from [0, 1] to [−1, 1].
/// </summary>
public static class InpaintingPairs
{
    /// <summary>The first hidden row: 14, the lower half of a 28-row image.</summary>
    public const long DefaultHiddenFrom = 14;

    /// <summary>(x, y): the masked inputs and the targets, both (N, C, H, W) in [−1, 1], for images (N, C, H, W) in [0, 1].</summary>
    public static (Tensor input, Tensor target) Make(Tensor images, long hiddenFrom = DefaultHiddenFrom)
    {
        ArgumentNullException.ThrowIfNull(images);
        if (images.dim() != 4)
            throw new ArgumentException($"{nameof(InpaintingPairs)}: expected images (N, C, H, W) in [0, 1], got {images.Describe()}");
        var height = images.size(2);
        if (hiddenFrom < 1 || hiddenFrom >= height)
            throw new ArgumentOutOfRangeException(nameof(hiddenFrom), hiddenFrom, $"{nameof(InpaintingPairs)}: hiddenFrom must be in [1, {height})");
        using var scope = NewDisposeScope();
        var target = images * 2 - 1;                                                           // y, (N, C, H, W) in [−1, 1]
        var rows = arange(height, device: images.device).reshape(1, 1, height, 1);            // (1, 1, H, 1)
        var visible = (rows < hiddenFrom).to(images.dtype);                                     // 1 above the cut, 0 below
        var input = target * visible;                                                           // x: hidden rows at 0 (mid grey)
        return (scope.MoveToOuter(input), scope.MoveToOuter(target));
    }
}
