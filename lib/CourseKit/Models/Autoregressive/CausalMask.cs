using static CourseKit.torch;

namespace CourseKit.Models;

/// <summary>
/// The 0/1 masks that make convolutions causal in raster order (row by row, left to right), for a
/// single image channel (grey or binary images, so there is no ordering among colour channels).
/// A weight entry at offset (dy, dx) from the centre of a kH x kW kernel reads the pixel
/// (i + dy, j + dx) for the output at (i, j); it is kept when that pixel comes before (i, j):
/// <code>
/// raster (k x k):       dy &lt; 0,  or  dy = 0 and dx &lt; 0   (type A)   ... dx &lt;= 0 (type B)
/// vertical (k x k):     dy &lt; 0                             (type A)   ... dy &lt;= 0 (type B)
/// horizontal (1 x k):   dx &lt; 0                             (type A)   ... dx &lt;= 0 (type B)
/// </code>
/// The raster mask is PixelCNN's (van den Oord et al. 2016, "Pixel Recurrent Neural Networks",
/// figure 4); the vertical and horizontal masks are the two stacks of the Gated PixelCNN (van den
/// Oord et al. 2016, "Conditional Image Generation with PixelCNN Decoders", figure 2).
/// </summary>
public static class CausalMask
{
    /// <summary>The raster-order mask of a k x k kernel, (k, k) float32 of 0 and 1.</summary>
    public static Tensor Raster(long kernelSize, MaskType type)
    {
        CheckOdd(kernelSize, nameof(Raster));
        var c = kernelSize / 2;
        return Build(kernelSize, kernelSize, (y, x) => y < c || (y == c && (x < c || (type == MaskType.B && x == c))));
    }

    /// <summary>The vertical-stack mask of a k x k kernel: rows above the centre (type B: and the centre row), (k, k).</summary>
    public static Tensor Vertical(long kernelSize, MaskType type)
    {
        CheckOdd(kernelSize, nameof(Vertical));
        var c = kernelSize / 2;
        return Build(kernelSize, kernelSize, (y, _) => y < c || (type == MaskType.B && y == c));
    }

    /// <summary>The horizontal-stack mask of a 1 x k kernel: columns left of the centre (type B: and the centre), (1, k).</summary>
    public static Tensor Horizontal(long kernelSize, MaskType type)
    {
        CheckOdd(kernelSize, nameof(Horizontal));
        var c = kernelSize / 2;
        return Build(1, kernelSize, (_, x) => x < c || (type == MaskType.B && x == c));
    }

    private static Tensor Build(long height, long width, Func<long, long, bool> keep)
    {
        var values = new float[height * width];
        for (long y = 0; y < height; y++)
            for (long x = 0; x < width; x++)
                values[y * width + x] = keep(y, x) ? 1f : 0f;
        return tensor(values, [height, width]);                             // (kH, kW)
    }

    private static void CheckOdd(long kernelSize, string mask)
    {
        if (kernelSize < 1 || kernelSize % 2 == 0)
            throw new ArgumentOutOfRangeException(nameof(kernelSize), kernelSize,
                $"{nameof(CausalMask)}.{mask}: the kernel size must be odd and positive (the centre is the pixel being predicted), got {kernelSize}");
    }
}
