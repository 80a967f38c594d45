using static CourseKit.torch;

namespace CourseKit.Metrics;

/// <summary>FID estimated from <see cref="SampleCount"/> samples: the mean over repeats and its standard deviation (0 for one repeat).</summary>
public sealed record FidAtSampleCount(int SampleCount, double Mean, double Std, int Repeats);

/// <summary>
/// FID as a function of the number of samples N. The plug-in estimate of d² from N samples is biased
/// upwards: with the reference fixed, E[FID_N] ≈ FID_∞ + c / N (Chong &amp; Forsyth 2020, "Effectively
/// Unbiased FID and Inception Score and Where to Find Them", CVPR), because the sample covariance of
/// N points spreads its eigenvalues. So FID at N = 1,000 is larger than at N = 10,000 for the same
/// model, and two models are compared only at the same N.
/// </summary>
public static class FidCurve
{
    /// <summary>
    /// For each N in <paramref name="sampleCounts"/>, draws <paramref name="repeats"/> random subsets of N rows of
    /// <paramref name="features"/> (M, D) without replacement and computes their FID against <paramref name="reference"/>.
    /// Subsets come from a <see cref="Random"/> seeded with <paramref name="seed"/> (libtorch's generator is not touched),
    /// so the curve is reproducible. Each N must lie in [2, M].
    /// </summary>
    public static IReadOnlyList<FidAtSampleCount> Compute(Tensor features, GaussianStatistics reference,
        IEnumerable<int> sampleCounts, int repeats = 1, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(sampleCounts);
        const string caller = "FidCurve.Compute";
        if (repeats < 1) throw new ArgumentOutOfRangeException(nameof(repeats), repeats, $"{caller}: repeats must be at least 1, got {repeats}");
        using var f = FeatureInput.AsFloat64(features, caller, nameof(features), minimumRows: 2);   // (M, D)
        if (f.size(1) != reference.Dimension)
            throw new ArgumentException($"{caller}: the features have width {f.size(1)}, the reference has dimension {reference.Dimension}");
        var counts = sampleCounts.ToArray();
        var m = (int)f.size(0);
        foreach (var n in counts)
            if (n < 2 || n > m)
                throw new ArgumentOutOfRangeException(nameof(sampleCounts), n, $"{caller}: each sample count must lie in [2, {m}] (the rows given), got {n}");

        var random = new Random(seed);
        var curve = new List<FidAtSampleCount>(counts.Length);
        foreach (var n in counts)
        {
            var values = new double[repeats];
            for (var r = 0; r < repeats; r++)
            {
                using var scope = NewDisposeScope();
                var index = tensor(Subset(random, m, n), device: f.device);    // (N) int64
                values[r] = Fid.Compute(f.index_select(0, index), reference);  // FID of N rows
            }
            var mean = values.Average();
            var std = repeats > 1 ? Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (repeats - 1)) : 0.0;
            curve.Add(new FidAtSampleCount(n, mean, std, repeats));
        }
        return curve;
    }

    /// <summary>n distinct indices of 0..m−1, uniformly at random (the first n of a Fisher–Yates shuffle).</summary>
    private static long[] Subset(Random random, int m, int n)
    {
        var order = new long[m];
        for (var i = 0; i < m; i++) order[i] = i;
        for (var i = 0; i < n; i++)
        {
            var j = random.Next(i, m);
            (order[i], order[j]) = (order[j], order[i]);
        }
        return order[..n];
    }
}
