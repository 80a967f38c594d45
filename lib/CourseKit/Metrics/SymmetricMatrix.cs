using static CourseKit.torch;

namespace CourseKit.Metrics;

/// <summary>
/// Square roots of symmetric positive semi-definite matrices through the symmetric eigendecomposition
/// A = V diag(λ) Vᵀ (LAPACK's syevd, via <c>torch.linalg.eigh</c>): A^{1/2} = V diag(√max(λ, 0)) Vᵀ.
/// Rounding can leave eigenvalues of a PSD matrix slightly below zero (of order ε‖A‖); they are
/// clamped to 0, where a general matrix square root (Schur method, as scipy.linalg.sqrtm) would
/// return complex parts. The result is symmetric PSD by construction.
/// </summary>
public static class SymmetricMatrix
{
    /// <summary>A^{1/2} of a symmetric PSD matrix <paramref name="a"/> (D, D), in its dtype (float64 for FID).</summary>
    public static Tensor Sqrt(Tensor a)
    {
        RequireSquare(a, "SymmetricMatrix.Sqrt");
        using var scope = NewDisposeScope();
        var (lambda, v) = linalg.eigh(Symmetrised(a));                         // (D), (D, D)
        var root = lambda.clamp(min: 0.0).sqrt();                              // (D)
        var result = (v * root.unsqueeze(0)).mm(v.t());                        // V diag(√λ) Vᵀ
        return (result + result.t()).mul(0.5).MoveToOuterDisposeScope();
    }

    /// <summary>Tr(A^{1/2}) = Σ_i √max(λ_i, 0) of a symmetric PSD matrix <paramref name="a"/> (D, D).</summary>
    public static double TraceSqrt(Tensor a)
    {
        RequireSquare(a, "SymmetricMatrix.TraceSqrt");
        using var scope = NewDisposeScope();
        var (lambda, _) = linalg.eigh(Symmetrised(a).to(float64));
        return lambda.clamp(min: 0.0).sqrt().sum().item<double>();
    }

    /// <summary>(A + Aᵀ) / 2: removes the asymmetry rounding leaves in products such as S Σ S.</summary>
    private static Tensor Symmetrised(Tensor a) => (a + a.t()).mul(0.5);

    private static void RequireSquare(Tensor a, string caller)
    {
        ArgumentNullException.ThrowIfNull(a);
        if (a.dim() != 2 || a.size(0) != a.size(1))
            throw new ArgumentException($"{caller}: the matrix must be square (D, D), got [{string.Join(", ", a.shape)}]");
        if (!a.is_floating_point())
            throw new ArgumentException($"{caller}: the matrix must be floating point, got {a.dtype}");
    }
}
