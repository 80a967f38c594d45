using CourseKit.Metrics;

namespace CourseKit.Tests.Metrics;

[Collection(nameof(SeededRandomCollection))]
public sealed class SymmetricMatrixTests
{
    [Fact]
    public void SquareRootSquaresBackToTheMatrix()
    {
        manual_seed(61);
        using var scope = NewDisposeScope();
        var b = randn([20, 20], float64);
        var a = b.mm(b.t());                                                   // symmetric positive definite
        var root = SymmetricMatrix.Sqrt(a);
        Assert.True(root.allclose(root.t(), rtol: 0, atol: 0), "the square root is not exactly symmetric");
        Assert.True(root.mm(root).allclose(a, rtol: 1e-10, atol: 1e-10));
        Assert.Equal(linalg.eigh(root).eigenvalues.sum().item<double>(), SymmetricMatrix.TraceSqrt(a), 1e-10);
    }

    [Fact]
    public void RankDeficientMatricesGiveARealRoot()
    {
        // Rank 3 in 10 dimensions: seven eigenvalues are zero up to rounding, some slightly negative.
        manual_seed(62);
        using var scope = NewDisposeScope();
        var b = randn([10, 3], float64);
        var a = b.mm(b.t());
        var root = SymmetricMatrix.Sqrt(a);
        Assert.False(root.isnan().any().item<bool>());
        Assert.True(root.mm(root).allclose(a, rtol: 1e-7, atol: 1e-7));
        // Tr(A^{1/2}) = Σ of the singular values of B (the square roots of the eigenvalues of BᵀB). Each of the
        // seven zero eigenvalues is computed to about ε‖A‖ ≈ 1e−14, whose square root adds up to 1e−7 each.
        var (_, s, _) = linalg.svd(b, full_matrices: false);
        Assert.Equal(s.sum().item<double>(), SymmetricMatrix.TraceSqrt(a), 1e-6);
    }

    [Fact]
    public void NonSquareInputIsRejected()
    {
        using var a = zeros(3, 4);
        Assert.Contains("square", Assert.Throws<ArgumentException>(() => SymmetricMatrix.Sqrt(a)).Message);
    }
}
