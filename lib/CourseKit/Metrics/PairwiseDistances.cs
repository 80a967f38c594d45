using CourseKit.Native;
using static CourseKit.torch;

namespace CourseKit.Metrics;

/// <summary>Euclidean distances between the rows of two float64 matrices, in row blocks so memory stays bounded.</summary>
internal static class PairwiseDistances
{
    /// <summary>Rows of the first matrix per block: a block of the distance matrix holds RowBlock × M float64 values.</summary>
    public const long RowBlock = 512;

    /// <summary>
    /// Squared distances ‖a_i − b_j‖² = ‖a_i‖² + ‖b_j‖² − 2 a_i·b_j of a block <paramref name="a"/> (n, D) to
    /// <paramref name="b"/> (m, D): (n, m), clamped at 0. In float64 the rounding error is of order
    /// 1e−16 (‖a_i‖² + ‖b_j‖²), far below the distances the metrics compare.
    /// </summary>
    public static Tensor Squared(Tensor a, Tensor b, Tensor bSquaredNorms)
    {
        using var scope = NewDisposeScope();
        var aa = a.square().sum(1, keepdim: true);                             // (n, 1)
        var d = aa + bSquaredNorms.unsqueeze(0) - a.mm(b.t()).mul(2.0);        // (n, m)
        return d.clamp(min: 0.0).MoveToOuterDisposeScope();
    }

    /// <summary>‖b_j‖² for each row of <paramref name="b"/> (m, D): (m).</summary>
    public static Tensor SquaredNorms(Tensor b) => b.square().sum(1);

    /// <summary>
    /// The distance from each row of <paramref name="x"/> (N, D) to its k-th nearest other row (the row itself
    /// excluded, duplicates counted): (N), the radius of the k-NN ball around each point.
    /// </summary>
    public static Tensor KthNeighbourRadii(Tensor x, int k)
    {
        using var scope = NewDisposeScope();
        var norms = SquaredNorms(x);                                           // (N)
        var n = x.size(0);
        var radii = new List<Tensor>();
        for (long start = 0; start < n; start += RowBlock)
        {
            using var inner = NewDisposeScope();
            var rows = Math.Min(RowBlock, n - start);
            var d = Squared(x.narrow(0, start, rows), x, norms);               // (rows, N)
            var self = arange(start, start + rows, device: x.device).unsqueeze(1);   // (rows, 1)
            d = Dispatch.Tensor("aten::scatter", "value", d, 1L, self, 0.0);                                       // a point's distance to itself is exactly 0
            var (nearest, _) = d.topk(k + 1, dim: 1, largest: false);          // (rows, k+1): itself first, then k neighbours
            radii.Add(nearest.select(1, k).sqrt().MoveToOuterDisposeScope());  // (rows)
        }
        return cat(radii).MoveToOuterDisposeScope();                           // (N)
    }

    /// <summary>
    /// For each row of <paramref name="queries"/> (M, D): whether it lies in at least one k-NN ball of
    /// <paramref name="points"/> (N, D) with radii <paramref name="radii"/> (N), i.e. ∃ j: ‖q − p_j‖ ≤ r_j. Returns (M) bool.
    /// </summary>
    public static Tensor InsideAnyBall(Tensor queries, Tensor points, Tensor radii)
    {
        using var scope = NewDisposeScope();
        var norms = SquaredNorms(points);                                      // (N)
        var r2 = radii.square().unsqueeze(0);                                  // (1, N)
        var m = queries.size(0);
        var inside = new List<Tensor>();
        for (long start = 0; start < m; start += RowBlock)
        {
            using var inner = NewDisposeScope();
            var rows = Math.Min(RowBlock, m - start);
            var d = Squared(queries.narrow(0, start, rows), points, norms);    // (rows, N)
            inside.Add(Dispatch.Tensor("aten::any", "dim", d.le(r2), 1L, false).MoveToOuterDisposeScope());             // (rows)
        }
        return cat(inside).MoveToOuterDisposeScope();                          // (M) bool
    }
}
