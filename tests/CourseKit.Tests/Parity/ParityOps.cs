namespace CourseKit.Tests.Parity;

/// <summary>
/// How CourseKit computes one golden case: the call on the case's inputs and arguments, and the
/// tolerance when the default for the dtype (<see cref="Tolerance.For"/>) does not apply.
/// </summary>
internal sealed record ParityOp(Func<Tensor[], GoldenArgs, Tensor[]> Run, Tolerance? Looser = null);

/// <summary>Golden case name -> CourseKit call. Every case in goldens.json needs an entry here.</summary>
internal static partial class ParityOps
{
    public static IReadOnlyDictionary<string, ParityOp> All { get; } =
        TensorOps().Concat(LinalgOps()).Concat(FunctionalOps()).ToDictionary(p => p.Key, p => p.Value);

    private static ParityOp Op(Func<Tensor[], GoldenArgs, Tensor[]> run, Tolerance? looser = null) => new(run, looser);

    /// <summary>0.5 (A + A^T): the symmetric input PyTorch's case fed to eigh and cholesky.</summary>
    private static Tensor Sym(Tensor a) => (a + a.transpose(-2, -1)) * 0.5;
}
