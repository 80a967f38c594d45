namespace CourseKit.Charts;

/// <summary>
/// Contour lines of a function sampled on a grid, by marching squares (Lorensen and Cline's
/// marching cubes, 1987, in two dimensions): in each cell, the level crosses the edges whose end
/// values lie on opposite sides, at the linearly interpolated point; crossings are joined in pairs,
/// saddle cells decided by the mean of the four corners.
/// </summary>
internal static class MarchingSquares
{
    /// <summary>
    /// Segments of the level set f = <paramref name="level"/> in grid coordinates: (j, i) is the sample
    /// f[i * w + j], j the column (x) and i the row (y).
    /// </summary>
    public static List<(double X1, double Y1, double X2, double Y2)> Contour(double[] f, int h, int w, double level)
    {
        var segments = new List<(double, double, double, double)>();
        Span<(double X, double Y)> cut = stackalloc (double, double)[4];
        for (var i = 0; i + 1 < h; i++)
            for (var j = 0; j + 1 < w; j++)
            {
                double v00 = f[i * w + j], v01 = f[i * w + j + 1], v11 = f[(i + 1) * w + j + 1], v10 = f[(i + 1) * w + j];
                if (!double.IsFinite(v00) || !double.IsFinite(v01) || !double.IsFinite(v11) || !double.IsFinite(v10)) continue;
                var n = 0;
                // Edges in order: bottom (v00-v01), right (v01-v11), top (v11-v10), left (v10-v00).
                if (Crosses(v00, v01, level, out var t)) cut[n++] = (j + t, i);
                if (Crosses(v01, v11, level, out t)) cut[n++] = (j + 1, i + t);
                if (Crosses(v11, v10, level, out t)) cut[n++] = (j + 1 - t, i + 1);
                if (Crosses(v10, v00, level, out t)) cut[n++] = (j, i + 1 - t);
                if (n == 2) segments.Add((cut[0].X, cut[0].Y, cut[1].X, cut[1].Y));
                else if (n == 4)
                {
                    var centreAbove = (v00 + v01 + v11 + v10) / 4 >= level;
                    if (centreAbove == v00 >= level)
                    {
                        segments.Add((cut[0].X, cut[0].Y, cut[1].X, cut[1].Y));
                        segments.Add((cut[2].X, cut[2].Y, cut[3].X, cut[3].Y));
                    }
                    else
                    {
                        segments.Add((cut[0].X, cut[0].Y, cut[3].X, cut[3].Y));
                        segments.Add((cut[1].X, cut[1].Y, cut[2].X, cut[2].Y));
                    }
                }
            }
        return segments;
    }

    /// <summary>True when the level lies between a and b (one below, one at or above); t is its position from a.</summary>
    private static bool Crosses(double a, double b, double level, out double t)
    {
        t = 0;
        if ((a >= level) == (b >= level)) return false;
        t = (level - a) / (b - a);
        return true;
    }
}
