using static CourseKit.torch;

namespace CourseKit.Data;

/// <summary>
/// A mixture of K equally likely isotropic Gaussians in the plane with one standard deviation σ, the
/// test bed for mode collapse: the 8-ring and the 5 × 5 grid of Metz et al. 2017 ("Unrolled GANs"),
/// Srivastava et al. 2017 ("VEEGAN", section 5.1) and Lin et al. 2018 ("PacGAN", section 5).
/// Samples use libtorch's generator (seed it with <c>manual_seed</c>).
/// </summary>
public sealed class ModeMixture
{
    private readonly double[,] centres;

    /// <param name="name">What the mixture is called in tables.</param>
    /// <param name="centres">The K mode centres, (K, 2).</param>
    /// <param name="sigma">σ, the standard deviation of every mode along each axis.</param>
    public ModeMixture(string name, double[,] centres, double sigma)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(centres);
        if (centres.GetLength(0) < 1 || centres.GetLength(1) != 2)
            throw new ArgumentException($"ModeMixture: centres must be (K, 2) with K >= 1, got ({centres.GetLength(0)}, {centres.GetLength(1)})", nameof(centres));
        if (!(sigma > 0) || double.IsInfinity(sigma))
            throw new ArgumentOutOfRangeException(nameof(sigma), $"ModeMixture: σ must be positive and finite, got {sigma}");
        Name = name;
        this.centres = (double[,])centres.Clone();
        Sigma = sigma;
    }

    /// <summary>
    /// Eight modes evenly spaced on a circle of radius 2, σ = 0.02 (Metz et al. 2017, section 3.1;
    /// VEEGAN's "2D Ring").
    /// </summary>
    public static ModeMixture Ring(int modes = 8, double radius = 2, double sigma = 0.02)
    {
        if (modes < 1) throw new ArgumentOutOfRangeException(nameof(modes), $"ModeMixture.Ring: need at least one mode, got {modes}");
        var c = new double[modes, 2];
        for (var k = 0; k < modes; k++)
        {
            var angle = 2 * Math.PI * k / modes;
            (c[k, 0], c[k, 1]) = (radius * Math.Cos(angle), radius * Math.Sin(angle));
        }
        return new ModeMixture($"ring of {modes}", c, sigma);
    }

    /// <summary>
    /// A side × side grid of modes with centres at spacing apart, centred on the origin, σ = 0.05: for
    /// the defaults the 25 centres (-4 + 2i, -4 + 2j), i, j = 0..4 (VEEGAN's "2D Grid", PacGAN's "2D-grid").
    /// </summary>
    public static ModeMixture Grid(int side = 5, double spacing = 2, double sigma = 0.05)
    {
        if (side < 1) throw new ArgumentOutOfRangeException(nameof(side), $"ModeMixture.Grid: need at least one mode per side, got {side}");
        var c = new double[side * side, 2];
        var offset = (side - 1) * spacing / 2;
        for (var i = 0; i < side; i++)
            for (var j = 0; j < side; j++)
                (c[i * side + j, 0], c[i * side + j, 1]) = (i * spacing - offset, j * spacing - offset);
        return new ModeMixture($"{side}x{side} grid", c, sigma);
    }

    /// <summary>What the mixture is called in tables.</summary>
    public string Name { get; }

    /// <summary>σ, the standard deviation of each mode along each axis.</summary>
    public double Sigma { get; }

    /// <summary>K, the number of modes.</summary>
    public int Count => centres.GetLength(0);

    /// <summary>The mode centres as a float32 tensor (K, 2).</summary>
    public Tensor Centres() => tensor(centres, float32);

    /// <summary>n points (n, 2) and the mode each came from (n), int64: x = μ_m + σ ε, m uniform, ε ~ N(0, I).</summary>
    public (Tensor points, Tensor modes) Sample(long n)
    {
        if (n < 1) throw new ArgumentOutOfRangeException(nameof(n), $"ModeMixture.Sample: need at least one point, got {n}");
        using var scope = NewDisposeScope();
        var mode = randint(0, Count, [n]);                                      // (n)
        var points = Centres().index_select(0, mode) + randn(n, 2) * Sigma;     // (n, 2)
        return (points.MoveToOuterDisposeScope(), mode.MoveToOuterDisposeScope());
    }

    /// <summary>
    /// Mode counting by the rule of VEEGAN (Srivastava et al. 2017, section 5.1) and PacGAN (Lin et
    /// al. 2018, section 5): a sample is high quality when it lies within <paramref name="radiusInSigmas"/>
    /// standard deviations (3σ) of the nearest centre, and it then belongs to that mode; a mode is
    /// captured when at least <paramref name="minSamples"/> high-quality samples belong to it (1 here:
    /// any sample at all counts).
    /// </summary>
    /// <param name="samples">Generated points, (N, 2).</param>
    /// <param name="minSamples">High-quality samples a mode needs to count as captured (1: VEEGAN's rule).</param>
    /// <param name="radiusInSigmas">The quality radius in units of σ (3).</param>
    public ModeCount CountModes(Tensor samples, long minSamples = 1, double radiusInSigmas = 3)
    {
        ArgumentNullException.ThrowIfNull(samples);
        if (samples.dim() != 2 || samples.size(1) != 2 || samples.size(0) < 1)
            throw new ArgumentException($"ModeMixture.CountModes: samples must be (N, 2) with N >= 1, got {samples.Describe()}", nameof(samples));
        if (minSamples < 1) throw new ArgumentOutOfRangeException(nameof(minSamples), $"ModeMixture.CountModes: minSamples must be >= 1, got {minSamples}");
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var x = samples.detach().to(CPU).to(float32);                           // (N, 2)
        var distance = (x.unsqueeze(1) - Centres().unsqueeze(0)).square().sum(2).sqrt();   // (N, K)
        var (nearest, mode) = distance.min(1);                                  // (N), (N)
        var highQuality = nearest.le(radiusInSigmas * Sigma).ToArray<bool>();   // (N)
        var modes = mode.ToArray<long>();                                       // (N)
        var perMode = new long[Count];
        var good = 0L;
        for (var i = 0; i < modes.Length; i++)
            if (highQuality[i]) { perMode[modes[i]]++; good++; }
        return new ModeCount(perMode.Count(c => c >= minSamples), Count, (double)good / modes.Length, perMode, modes.Length);
    }
}
