using static CourseKit.torch;

namespace CourseKit.Imaging;

/// <summary>Tensors to images: single images, labelled grids of a batch, animations of a sequence of batches.</summary>
public static class Images
{
    /// <summary>Images are upscaled by default until they are at least this many pixels tall (28-pixel MNIST: x2).</summary>
    public const int MinDisplaySize = 56;

    /// <summary>
    /// One image from a tensor of shape (H, W) or (1, H, W) (gray) or (3, H, W) (RGB): values in
    /// <paramref name="range"/> map linearly to 0..255, values outside it are clamped.
    /// </summary>
    /// <param name="t">The image tensor; any dtype and device (it is copied to the CPU as float64).</param>
    /// <param name="range">The values shown as black and white, e.g. (0, 1) or (-1, 1); (0, 1) when null.</param>
    public static Image FromTensor(Tensor t, (double lo, double hi)? range = null)
    {
        var (lo, hi) = range ?? (0, 1);
        TensorPixels.CheckRange((lo, hi), "Images.FromTensor");
        var (values, shape) = TensorPixels.Read(t);
        return FromValues(values, 0, shape, (lo, hi), "Images.FromTensor");
    }

    /// <summary>The image held in values[offset..] with a (H, W) or (C, H, W) shape; channel-first to interleaved.</summary>
    internal static Image FromValues(double[] values, long offset, long[] shape, (double lo, double hi) range, string op)
    {
        var (c, h, w) = shape.Length switch
        {
            2 => (1L, shape[0], shape[1]),
            3 when shape[0] is 1 or 3 => (shape[0], shape[1], shape[2]),
            _ => throw new ArgumentException($"{op}: expected an image tensor of shape (H, W), (1, H, W) or (3, H, W), got [{string.Join(", ", shape)}]"),
        };
        if (h < 1 || w < 1) throw new ArgumentException($"{op}: image of shape [{string.Join(", ", shape)}] is empty");
        var pixels = new byte[c * h * w];
        for (var ch = 0L; ch < c; ch++)
            for (var i = 0L; i < h * w; i++)
                pixels[i * c + ch] = TensorPixels.ToByte(values[offset + ch * h * w + i], range.lo, range.hi);
        return new Image((int)w, (int)h, (int)c, pixels);
    }

    /// <summary>The images of a batch (B, C, H, W) with C = 1 or 3, or (B, H, W).</summary>
    public static Image[] FromBatch(Tensor batch, (double lo, double hi)? range = null)
    {
        var r = range ?? (0, 1);
        TensorPixels.CheckRange(r, "Images.FromBatch");
        var (values, shape) = TensorPixels.Read(batch);
        if (shape.Length is not (3 or 4))
            throw new ArgumentException($"Images.FromBatch: expected a batch of shape (B, C, H, W) or (B, H, W), got [{string.Join(", ", shape)}]");
        var item = shape[1..];
        var size = item.Aggregate(1L, (a, b) => a * b);
        var images = new Image[shape[0]];
        for (var b = 0; b < images.Length; b++) images[b] = FromValues(values, b * size, item, r, "Images.FromBatch");
        return images;
    }

    /// <summary>
    /// A grid of the batch (B, C, H, W) (C = 1 or 3) or (B, H, W), <paramref name="columns"/> per row, like
    /// torchvision's make_grid, with optional labels left of each row and above each column.
    /// </summary>
    /// <param name="batch">The images, values in <paramref name="range"/>.</param>
    /// <param name="columns">Images per row; the last row may be partly empty.</param>
    /// <param name="padding">Pixels between images and around the grid (output pixels, not scaled).</param>
    /// <param name="padValue">The padding colour, in the tensor's value units; the middle of the range (gray) when null.</param>
    /// <param name="range">The values shown as black and white; (0, 1) when null.</param>
    /// <param name="rowLabels">One label per row, or null.</param>
    /// <param name="columnLabels">One label per column, or null.</param>
    /// <param name="scale">Nearest-neighbour upscaling of each image; 0 picks the smallest factor making it <see cref="MinDisplaySize"/> pixels tall.</param>
    public static Image Grid(Tensor batch, int columns = 8, int padding = 2, double? padValue = null, (double lo, double hi)? range = null,
        string[]? rowLabels = null, string[]? columnLabels = null, int scale = 0)
    {
        var r = range ?? (0, 1);
        var images = FromBatch(batch, r);
        var pad = TensorPixels.ToByte(padValue ?? (r.lo + r.hi) / 2, r.lo, r.hi);
        return GridLayout.Compose(images, columns, padding, pad, rowLabels, columnLabels, scale);
    }

    /// <summary>A grid of images already in memory (see the tensor overload); <paramref name="padGray"/> is 0..255.</summary>
    public static Image Grid(IReadOnlyList<Image> images, int columns = 8, int padding = 2, byte padGray = 128,
        string[]? rowLabels = null, string[]? columnLabels = null, int scale = 0) =>
        GridLayout.Compose(images, columns, padding, padGray, rowLabels, columnLabels, scale);
}
