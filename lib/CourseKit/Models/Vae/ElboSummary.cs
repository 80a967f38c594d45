using CourseKit.Losses;

namespace CourseKit.Models;

/// <summary>The negative ELBO of a dataset, means per example in nats (β = 1).</summary>
/// <param name="Reconstruction">Mean -log p(x | z), one z ~ q(z|x) per example.</param>
/// <param name="Kl">Mean KL(q(z|x) || p(z)).</param>
/// <param name="Total">Mean negative ELBO, Reconstruction + Kl: an upper bound on -log p(x).</param>
/// <param name="Count">The number of examples averaged.</param>
public sealed record ElboSummary(double Reconstruction, double Kl, double Total, long Count)
{
    /// <summary>Total in bits per dimension for examples of <paramref name="dimensions"/> values (<see cref="Losses.BitsPerDim"/>).</summary>
    public double TotalBitsPerDim(long dimensions) => BitsPerDim.FromNats(Total, dimensions);
}
