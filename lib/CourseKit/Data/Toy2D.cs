using static CourseKit.torch;

namespace CourseKit.Data;

/// <summary>
/// Small 2-D datasets for density estimation, where a model's log-density can be drawn over the
/// plane. Every generator uses libtorch's generator (seed it with <c>manual_seed</c>) and returns
/// points (N, 2) and the index of the mode each point came from (N), int64.
/// </summary>
public static class Toy2D
{
    /// <summary>
    /// <paramref name="modes"/> isotropic Gaussian blobs (standard deviation <paramref name="spread"/>)
    /// evenly spaced on a circle of radius <paramref name="radius"/>.
    /// </summary>
    public static (Tensor points, Tensor modes) Ring(long n, int modes = 8, double radius = 4, double spread = 0.4)
    {
        Check(n, modes);
        using var scope = NewDisposeScope();
        var mode = randint(0, modes, [n]);                                      // (N)
        var angle = mode.to(float32) * (2 * Math.PI / modes);                   // (N)
        var centres = stack([angle.cos(), angle.sin()], 1) * radius;            // (N, 2)
        var points = centres + randn(n, 2) * spread;                            // (N, 2)
        return (points.MoveToOuterDisposeScope(), mode.MoveToOuterDisposeScope());
    }

    /// <summary>Two interleaving half circles with Gaussian noise of standard deviation <paramref name="noise"/>.</summary>
    public static (Tensor points, Tensor modes) Moons(long n, double noise = 0.1)
    {
        Check(n, 2);
        using var scope = NewDisposeScope();
        var mode = randint(0, 2, [n]);                                          // (N)
        var t = rand(n) * Math.PI;                                              // (N)
        var upper = mode.eq(0);
        var x = where(upper, t.cos(), 1 - t.cos());                             // (N)
        var y = where(upper, t.sin(), 0.5 - t.sin());                           // (N)
        var points = stack([x, y], 1) + randn(n, 2) * noise;                    // (N, 2)
        return (points.MoveToOuterDisposeScope(), mode.MoveToOuterDisposeScope());
    }

    private static void Check(long n, int modes)
    {
        if (n < 1) throw new ArgumentOutOfRangeException(nameof(n), $"Toy2D: need at least one point, got {n}");
        if (modes < 1) throw new ArgumentOutOfRangeException(nameof(modes), $"Toy2D: need at least one mode, got {modes}");
    }
}
