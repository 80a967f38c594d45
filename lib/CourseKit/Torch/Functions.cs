using CourseKit.Native;

namespace CourseKit;

public static partial class torch
{
    public static Tensor cat(Tensor[] tensors, long dim = 0) => Dispatch.Tensor("aten::cat", "", tensors, dim);
    public static Tensor cat(IEnumerable<Tensor> tensors, long dim = 0) => cat(tensors.ToArray(), dim);
    public static Tensor stack(Tensor[] tensors, long dim = 0) => Dispatch.Tensor("aten::stack", "", tensors, dim);
    public static Tensor stack(IEnumerable<Tensor> tensors, long dim = 0) => stack(tensors.ToArray(), dim);
    public static Tensor[] chunk(Tensor input, long chunks, long dim = 0) => input.chunk(chunks, dim);
    public static Tensor[] split(Tensor input, long split_size, long dim = 0) => input.split(split_size, dim);

    /// <summary>Elementwise choice: <paramref name="x"/> where <paramref name="condition"/> holds, else <paramref name="y"/>.</summary>
    public static Tensor where(Tensor condition, Tensor x, Tensor y) => Dispatch.Tensor("aten::where", "self", condition, x, y);
    public static Tensor where(Tensor condition, Tensor x, double y) => Dispatch.Tensor("aten::where", "ScalarOther", condition, x, y);

    /// <summary>Einstein summation, e.g. <c>einsum("bij,bjk->bik", a, b)</c>.</summary>
    public static Tensor einsum(string equation, params Tensor[] operands) => Dispatch.Tensor("aten::einsum", "", equation, operands);

    public static Tensor matmul(Tensor a, Tensor b) => a.matmul(b);
    public static Tensor bmm(Tensor a, Tensor b) => a.bmm(b);
    public static Tensor exp(Tensor x) => x.exp();
    public static Tensor log(Tensor x) => x.log();
    public static Tensor log1p(Tensor x) => x.log1p();
    public static Tensor sqrt(Tensor x) => x.sqrt();
    public static Tensor pow(Tensor x, double exponent) => x.pow(exponent);
    public static Tensor abs(Tensor x) => x.abs();
    public static Tensor sigmoid(Tensor x) => x.sigmoid();
    public static Tensor tanh(Tensor x) => x.tanh();
    public static Tensor softmax(Tensor x, long dim) => x.softmax(dim);
    public static Tensor log_softmax(Tensor x, long dim) => x.log_softmax(dim);
    public static Tensor clamp(Tensor x, double? min = null, double? max = null) => x.clamp(min, max);
    public static Tensor gather(Tensor x, long dim, Tensor index) => x.gather(dim, index);
    public static Tensor cumsum(Tensor x, long dim) => x.cumsum(dim);
    public static Tensor cumprod(Tensor x, long dim) => x.cumprod(dim);
    public static Tensor logsumexp(Tensor x, long dim, bool keepdim = false) => x.logsumexp(dim, keepdim);
    public static (Tensor values, Tensor indices) sort(Tensor x, long dim = -1, bool descending = false) => x.sort(dim, descending);
    public static (Tensor values, Tensor indexes) topk(Tensor x, long k, long dim = -1, bool largest = true, bool sorted = true) => x.topk(k, dim, largest, sorted);
    public static Tensor maximum(Tensor a, Tensor b) => a.maximum(b);
    public static Tensor minimum(Tensor a, Tensor b) => a.minimum(b);
    public static Tensor lerp(Tensor start, Tensor end, double weight) => start.lerp(end, weight);
    public static Tensor flatten(Tensor x, long start_dim = 0, long end_dim = -1) => x.flatten(start_dim, end_dim);
    public static Tensor sum(Tensor x) => x.sum();
    public static Tensor mean(Tensor x) => x.mean();
    public static bool allclose(Tensor a, Tensor b, double rtol = 1e-5, double atol = 1e-8) => a.allclose(b, rtol, atol);

    /// <summary>Linear algebra routines (FID needs a matrix square root: eigh or svd).</summary>
    public static class linalg
    {
        /// <summary>Eigen-decomposition of a symmetric matrix: ascending eigenvalues and orthonormal eigenvectors (columns).</summary>
        public static (Tensor eigenvalues, Tensor eigenvectors) eigh(Tensor a, string UPLO = "L")
        {
            var r = Dispatch.Tensors("aten::linalg_eigh", "", a, UPLO);
            return (r[0], r[1]);
        }

        /// <summary>Lower-triangular L with A = L L^T for a symmetric positive-definite A.</summary>
        public static Tensor cholesky(Tensor a) => Dispatch.Tensor("aten::linalg_cholesky", "", a);

        /// <summary>A = U diag(S) Vh.</summary>
        public static (Tensor U, Tensor S, Tensor Vh) svd(Tensor a, bool full_matrices = true)
        {
            var r = Dispatch.Tensors("aten::linalg_svd", "", a, full_matrices);
            return (r[0], r[1], r[2]);
        }

        /// <summary>Solves A X = B for triangular A (lower unless <paramref name="upper"/>), batched over leading dims.</summary>
        public static Tensor solve_triangular(Tensor a, Tensor b, bool upper, bool left = true) =>
            Dispatch.Tensor("aten::linalg_solve_triangular", "", a, b, Arg.Kw("upper", upper), Arg.Kw("left", left));

        public static Tensor norm(Tensor a) => Dispatch.Tensor("aten::linalg_vector_norm", "", a);
        public static Tensor inv(Tensor a) => Dispatch.Tensor("aten::linalg_inv", "", a);
        public static Tensor det(Tensor a) => Dispatch.Tensor("aten::linalg_det", "", a);
    }
}
