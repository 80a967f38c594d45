using static CourseKit.torch;

namespace CourseKit.Losses;

/// <summary>
/// Log-densities and log-probabilities of whole examples, in nats: each function takes a batch
/// (B, ...) and returns (B), summing over every dimension but the first (the dimensions of one
/// example are independent under these distributions).
/// </summary>
public static class LogDensity
{
    /// <summary>log(2π), the constant of the Gaussian log-density.</summary>
    public const double Log2Pi = 1.8378770664093453;

    /// <summary>
    /// Bernoulli log-likelihood from logits l (the decoder's output before the sigmoid):
    /// <code>
    /// log p(x | l) = Σ_d [ x_d log σ(l_d) + (1 - x_d) log(1 - σ(l_d)) ]
    ///              = -Σ_d [ max(l_d, 0) - l_d x_d + log(1 + exp(-|l_d|)) ]
    /// </code>
    /// computed in the second, stable form (no log of a sigmoid that rounded to 0).
    /// x is binary for a true Bernoulli; values in [0, 1] give the continuous cross-entropy
    /// that is often used on grey-level MNIST (it is not a normalised density there).
    /// Kingma &amp; Welling 2014, "Auto-Encoding Variational Bayes", appendix C.1.
    /// </summary>
    /// <param name="x">The data, (B, ...), values in [0, 1].</param>
    /// <param name="logits">The logits, the same shape as x.</param>
    /// <returns>log p(x | logits) per example, (B).</returns>
    public static Tensor Bernoulli(Tensor x, Tensor logits)
    {
        const string function = "LogDensity.Bernoulli";
        PerExample.RequireBatched(function, nameof(x), x, "(B, ...)");
        PerExample.RequireSameShape(function, nameof(x), x, nameof(logits), logits);
        using var nll = nn.functional.binary_cross_entropy_with_logits(logits, x, reduction: "none");   // (B, ...)
        using var sum = PerExample.Sum(nll);                                                              // (B)
        return sum.neg();
    }

    /// <summary>
    /// Log-density of a diagonal Gaussian with mean μ and log-variance log σ²:
    /// <code>
    /// log N(x; μ, diag σ²) = -1/2 Σ_d [ log(2π) + log σ²_d + (x_d - μ_d)² / σ²_d ]
    /// </code>
    /// Bishop 2006, "Pattern Recognition and Machine Learning", eq. 2.43 with a diagonal covariance.
    /// </summary>
    /// <param name="x">The points, (B, ...).</param>
    /// <param name="mean">μ, the same shape as x.</param>
    /// <param name="logvar">log σ², broadcastable to x: the same shape (per-example variances, as q(z|x)),
    /// (...) or (1) (one variance per dimension or for all, as a learned decoder variance).</param>
    /// <returns>log N(x; μ, σ²) per example, (B).</returns>
    public static Tensor Gaussian(Tensor x, Tensor mean, Tensor logvar)
    {
        const string function = "LogDensity.Gaussian";
        PerExample.RequireBatched(function, nameof(x), x, "(B, ...)");
        PerExample.RequireSameShape(function, nameof(x), x, nameof(mean), mean);
        ArgumentNullException.ThrowIfNull(logvar);
        if (!BroadcastsTo(logvar.shape, x.shape))
            throw new ArgumentException(
                $"{function}: logvar must broadcast to the shape of x {PerExample.Shape(x)}, got {PerExample.Shape(logvar)}");
        using var diff = x.sub(mean);
        using var square = diff.square();                      // (x - μ)²
        using var precision = logvar.neg().exp();              // 1 / σ²
        using var scaled = square.mul(precision);              // (x - μ)² / σ²
        using var withLogvar = scaled.add(logvar);             // + log σ²
        using var sum = PerExample.Sum(withLogvar);            // (B)
        using var withConstant = sum.add(Log2Pi * PerExample.Dimensions(x));
        return withConstant.mul(-0.5);
    }

    /// <summary>
    /// <see cref="Gaussian(Tensor, Tensor, Tensor)"/> with one fixed log-variance for every
    /// dimension: -1/2 Σ_d [ log(2π) + log σ² + (x_d - μ_d)² / σ² ]. With σ² fixed this is, up to
    /// a constant, -‖x - μ‖² / (2σ²): maximising it is minimising the squared error.
    /// </summary>
    public static Tensor Gaussian(Tensor x, Tensor mean, double logvar)
    {
        const string function = "LogDensity.Gaussian";
        PerExample.RequireBatched(function, nameof(x), x, "(B, ...)");
        PerExample.RequireSameShape(function, nameof(x), x, nameof(mean), mean);
        using var diff = x.sub(mean);
        using var square = diff.square();                      // (x - μ)²
        using var sum = PerExample.Sum(square);                // (B)
        using var scaled = sum.mul(Math.Exp(-logvar));         // Σ (x - μ)² / σ²
        using var withConstant = scaled.add((Log2Pi + logvar) * PerExample.Dimensions(x));
        return withConstant.mul(-0.5);
    }

    /// <summary>
    /// Log-density of the standard normal prior p(z) = N(0, I):
    /// <code>
    /// log N(z; 0, I) = -1/2 Σ_j [ log(2π) + z_j² ]
    /// </code>
    /// </summary>
    /// <param name="z">The points, (B, Z).</param>
    /// <returns>log p(z) per example, (B).</returns>
    public static Tensor StandardNormal(Tensor z)
    {
        PerExample.RequireBatched("LogDensity.StandardNormal", nameof(z), z, "(B, Z)");
        using var square = z.square();
        using var sum = PerExample.Sum(square);                // (B)
        using var withConstant = sum.add(Log2Pi * PerExample.Dimensions(z));
        return withConstant.mul(-0.5);
    }

    /// <summary>Whether a tensor of shape <paramref name="from"/> broadcasts to <paramref name="to"/> without growing it.</summary>
    private static bool BroadcastsTo(long[] from, long[] to)
    {
        if (from.Length > to.Length) return false;
        for (var k = 1; k <= from.Length; k++)
            if (from[^k] != 1 && from[^k] != to[^k]) return false;
        return true;
    }
}
