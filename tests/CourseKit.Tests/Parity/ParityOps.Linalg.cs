namespace CourseKit.Tests.Parity;

internal static partial class ParityOps
{
    /// <summary>
    /// Products and decompositions. Eigenvectors and singular vectors are unique only up to sign,
    /// so the cases compare sign-free quantities: eigen/singular values and reconstructions.
    /// </summary>
    private static Dictionary<string, ParityOp> LinalgOps() => new()
    {
        ["matmul_broadcast"] = Op((x, a) => [x[0].matmul(x[1])]),
        ["matmul_vector"] = Op((x, a) => [matmul(x[0], x[1])]),
        ["mm"] = Op((x, a) => [x[0].mm(x[1])]),
        ["bmm"] = Op((x, a) => [bmm(x[0], x[1])]),
        ["einsum_batch"] = Op((x, a) => [einsum(a.String("eq"), x[0], x[1])]),
        ["einsum_outer_trace"] = Op((x, a) => [einsum(a.String("eq"), x[0], x[1])]),

        // LAPACK's iterative eigen/SVD solvers may take a different path from PyTorch's call
        // (workspace sizes, thread count); 1e-4 relative still catches any wrong formula.
        ["linalg_eigh"] = Op((x, a) =>
        {
            var (lambda, v) = linalg.eigh(Sym(x[0]));                            // (n), (n, n)
            return [lambda, (v * lambda.unsqueeze(-2)).matmul(v.transpose(-2, -1))]; // V diag(L) V^T
        }, new Tolerance(1e-4, 1e-5)),
        ["linalg_svd"] = Op((x, a) =>
        {
            var (u, s, vh) = linalg.svd(x[0], full_matrices: false);             // (m, k), (k), (k, n)
            return
            [
                s,
                (u * s.unsqueeze(-2)).matmul(vh),                                 // U diag(S) Vh
                u.transpose(-2, -1).matmul(x[0]).matmul(vh.transpose(-2, -1)).abs(), // |U^T A V| = diag(S)
            ];
        }, new Tolerance(1e-4, 1e-5)),
        ["linalg_cholesky"] = Op((x, a) => [linalg.cholesky(Sym(x[0]))]),
        ["cholesky_f64"] = Op((x, a) => [linalg.cholesky(Sym(x[0]))]),
        ["linalg_inv_det"] = Op((x, a) => [linalg.inv(x[0]), linalg.det(x[0])]),
    };
}
