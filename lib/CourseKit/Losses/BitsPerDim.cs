using static CourseKit.torch;

namespace CourseKit.Losses;

/// <summary>
/// Converts a negative log-likelihood of one example from nats to bits per dimension:
/// <code>
/// bits/dim = NLL_nats / (D · ln 2)
/// </code>
/// with D the number of dimensions of an example (784 for MNIST), the unit in which image
/// likelihoods are compared across datasets (e.g. van den Oord, Kalchbrenner &amp; Kavukcuoglu 2016,
/// "Pixel Recurrent Neural Networks", ICML).
/// </summary>
public static class BitsPerDim
{
    /// <summary>bits/dim of a negative log-likelihood of <paramref name="nats"/> for an example of <paramref name="dimensions"/> values.</summary>
    public static double FromNats(double nats, long dimensions) => nats / (Dimensions(dimensions) * Math.Log(2));

    /// <summary>bits/dim of every element of <paramref name="nats"/> (e.g. per-example losses, (B)).</summary>
    public static Tensor FromNats(Tensor nats, long dimensions)
    {
        ArgumentNullException.ThrowIfNull(nats);
        return nats.div(Dimensions(dimensions) * Math.Log(2));
    }

    private static double Dimensions(long dimensions) => dimensions >= 1
        ? dimensions
        : throw new ArgumentOutOfRangeException(nameof(dimensions), dimensions, $"BitsPerDim.FromNats: dimensions must be at least 1, got {dimensions}");
}
