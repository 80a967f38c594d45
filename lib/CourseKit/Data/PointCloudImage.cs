using static CourseKit.torch;

namespace CourseKit.Data;

/// <summary>
/// Draws 2-D points as a small grayscale picture, so that a cloud of samples can be shown frame by
/// frame (<c>Animation.FromBatches</c>) without a chart: white background, each point a dark pixel
/// (darker where several land), optional light-gray marks at reference points such as mode centres.
/// </summary>
public static class PointCloudImage
{
    /// <summary>
    /// An image (1, size, size) with values in [0, 1] of the points (N, 2) inside the square
    /// [lo, hi]²; y grows upwards. Points outside the square are left out.
    /// </summary>
    /// <param name="points">The points, (N, 2).</param>
    /// <param name="lo">The lower edge of the square, in data units.</param>
    /// <param name="hi">The upper edge of the square, in data units.</param>
    /// <param name="size">The image's side in pixels.</param>
    /// <param name="marks">Points (K, 2) drawn as light-gray crosses under the cloud, or null.</param>
    public static Tensor Render(Tensor points, double lo, double hi, int size = 96, Tensor? marks = null)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.dim() != 2 || points.size(1) != 2)
            throw new ArgumentException($"PointCloudImage.Render: points must be (N, 2), got {points.Describe()}", nameof(points));
        if (!(hi > lo)) throw new ArgumentException($"PointCloudImage.Render: need lo < hi, got [{lo}, {hi}]");
        if (size < 4) throw new ArgumentOutOfRangeException(nameof(size), $"PointCloudImage.Render: size must be at least 4, got {size}");
        var pixels = new float[size * size];
        Array.Fill(pixels, 1f);
        if (marks is not null)
            foreach (var (i, j) in Pixels(marks, lo, hi, size))
                for (var d = -2; d <= 2; d++)
                {
                    if (i + d >= 0 && i + d < size) pixels[(i + d) * size + j] = 0.8f;
                    if (j + d >= 0 && j + d < size) pixels[i * size + j + d] = 0.8f;
                }
        foreach (var (i, j) in Pixels(points, lo, hi, size))
            pixels[i * size + j] = Math.Max(0f, Math.Min(pixels[i * size + j], 0.55f) - 0.15f);
        return tensor(pixels, [1, size, size]);
    }

    private static IEnumerable<(int row, int column)> Pixels(Tensor points, double lo, double hi, int size)
    {
        using var cpu = points.detach().to(CPU).to(float32);
        var xy = cpu.ToArray<float>();
        for (var k = 0; k + 1 < xy.Length; k += 2)
        {
            var column = (int)Math.Floor((xy[k] - lo) / (hi - lo) * size);
            var row = size - 1 - (int)Math.Floor((xy[k + 1] - lo) / (hi - lo) * size);
            if (column >= 0 && column < size && row >= 0 && row < size) yield return (row, column);
        }
    }
}
