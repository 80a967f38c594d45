using static CourseKit.torch;

namespace CourseKit.Metrics;

/// <summary>
/// The k nearest reference rows of each query: <see cref="Indices"/> (M, k) int64 into the reference set and
/// <see cref="Distances"/> (M, k) float64, Euclidean, nearest first. The result owns its tensors.
/// </summary>
public sealed class NeighbourResult : IDisposable
{
    internal NeighbourResult(Tensor indices, Tensor distances)
    {
        Indices = indices.DetachFromDisposeScope();
        Distances = distances.DetachFromDisposeScope();
    }

    /// <summary>(M, k) int64: row j of the reference set is the (i, r)-th entry's neighbour.</summary>
    public Tensor Indices { get; }

    /// <summary>(M, k) float64: ‖query_i − reference_j‖₂, ascending along each row.</summary>
    public Tensor Distances { get; }

    public void Dispose()
    {
        Indices.Dispose();
        Distances.Dispose();
    }
}

/// <summary>
/// Nearest neighbours of samples in the training set, the memorisation check of the GAN literature
/// (e.g. Brock et al. 2019, "Large Scale GAN Training for High Fidelity Natural Image Synthesis", show samples
/// beside their nearest training images): a model
/// that copies its training data produces samples at distance ≈ 0 from a training image. The space is the
/// caller's choice: images (N, C, H, W) are flattened, so distances are in pixel space (the space where a
/// copy is exactly a copy); classifier features (N, D) give distances in feature space (similar digits
/// rather than similar pixels). Computed in float64; the distances reported are recomputed directly as
/// ‖q − r‖₂ for the neighbours found.
/// </summary>
public static class NearestNeighbours
{
    /// <summary>
    /// The <paramref name="k"/> rows of <paramref name="reference"/> (N, ...) nearest to each row of
    /// <paramref name="queries"/> (M, ...), in the space their flattened rows span.
    /// </summary>
    public static NeighbourResult Find(Tensor queries, Tensor reference, int k = 1)
    {
        const string caller = "NearestNeighbours.Find";
        if (k < 1) throw new ArgumentOutOfRangeException(nameof(k), k, $"{caller}: k must be at least 1, got {k}");
        using var scope = NewDisposeScope();
        var q = FeatureInput.AsFloat64(queries, caller, nameof(queries), minimumRows: 0, flatten: true);      // (M, D)
        var r = FeatureInput.AsFloat64(reference, caller, nameof(reference), minimumRows: k, flatten: true);  // (N, D)
        FeatureInput.RequireSameWidth(q, r, caller);
        q = q.to(r.device);
        var norms = PairwiseDistances.SquaredNorms(r);                         // (N)
        var m = q.size(0);
        var found = new List<Tensor>();
        for (long start = 0; start < m; start += PairwiseDistances.RowBlock)
        {
            using var inner = NewDisposeScope();
            var rows = Math.Min(PairwiseDistances.RowBlock, m - start);
            var d = PairwiseDistances.Squared(q.narrow(0, start, rows), r, norms);   // (rows, N)
            var (_, index) = d.topk(k, dim: 1, largest: false);                // (rows, k), nearest first
            found.Add(index.MoveToOuterDisposeScope());
        }
        var indices = m == 0 ? zeros([0, k], int64, r.device) : cat(found);   // (M, k)
        var neighbours = r.index_select(0, indices.flatten()).view(m, k, r.size(1));   // (M, k, D)
        var distances = (neighbours - q.unsqueeze(1)).square().sum(2).sqrt();  // (M, k), exact
        var (sorted, order) = distances.sort(1);                               // ascending after the exact recomputation
        return new NeighbourResult(indices.gather(1, order), sorted);
    }
}
