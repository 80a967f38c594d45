using CourseKit.Native;
using static CourseKit.torch;

namespace CourseKit.Models;

/// <summary>
/// The points of a rows × cols grid in a 2-D latent space, (rows·cols, 2) float32 in row-major
/// order: z_1 grows along a row (left to right), z_2 down the rows from the top (largest) to the
/// bottom (smallest), so the grid reads like a scatter plot of the latent space.
/// </summary>
public static class LatentGridPoints
{
    /// <summary>
    /// Coordinates Φ⁻¹(p) = √2 erfinv(2p - 1) for p evenly spaced in [<paramref name="lower"/>,
    /// <paramref name="upper"/>]: equal prior mass between neighbours (Kingma &amp; Welling 2014,
    /// figure 4, "linearly spaced coordinates on the unit square transformed through the inverse
    /// CDF of the Gaussian").
    /// </summary>
    public static Tensor Quantiles(int rows, int cols, double lower = 0.05, double upper = 0.95)
    {
        if (!(lower > 0 && lower < upper && upper < 1))
            throw new ArgumentException($"LatentGridPoints.Quantiles: need 0 < lower < upper < 1, got lower {lower} and upper {upper}");
        return Grid(rows, cols, n => InverseNormalCdf(linspace(lower, upper, n, float32)), nameof(Quantiles));
    }

    /// <summary>Coordinates evenly spaced in [-extent, extent] on both axes.</summary>
    public static Tensor Range(int rows, int cols, double extent = 3)
    {
        if (!(extent > 0) || !double.IsFinite(extent))
            throw new ArgumentException($"LatentGridPoints.Range: extent must be positive and finite, got {extent}");
        return Grid(rows, cols, n => linspace(-extent, extent, n, float32), nameof(Range));
    }

    private static Tensor Grid(int rows, int cols, Func<long, Tensor> axis, string method)
    {
        if (rows < 1 || cols < 1)
            throw new ArgumentException($"LatentGridPoints.{method}: rows and cols must be at least 1, got {rows} x {cols}");
        using var across = axis(cols);                                  // z_1, (cols)
        using var up = axis(rows);                                      // z_2, (rows), ascending
        using var down = up.flip(0);                                    // top row first
        using var row = across.unsqueeze(0);                            // (1, cols)
        using var column = down.unsqueeze(1);                           // (rows, 1)
        using var z1 = row.expand(rows, cols);                          // (rows, cols)
        using var z2 = column.expand(rows, cols);                       // (rows, cols)
        using var points = stack([z1, z2], -1);                         // (rows, cols, 2)
        return points.reshape(rows * (long)cols, 2);                    // (rows·cols, 2)
    }

    /// <summary>Φ⁻¹(p) = √2 erfinv(2p - 1), the standard normal quantile function.</summary>
    private static Tensor InverseNormalCdf(Tensor p)
    {
        using (p)
        {
            using var twice = p.mul(2.0);
            using var centred = twice.sub(1.0);                         // 2p - 1
            using var inverse = Dispatch.Tensor("aten::erfinv", "", centred);
            return inverse.mul(Math.Sqrt(2));
        }
    }
}
