using CourseKit.Native;
using static CourseKit.torch;

namespace CourseKit.Optim;

/// <summary>
/// ATen's multi-tensor <c>_foreach_*</c> operators: one dispatcher call updates a whole list of
/// tensors (on CUDA, in a few fused kernels), so an optimizer step costs a handful of native calls
/// whatever the number of parameters. Lists must have equal lengths; out-of-place variants
/// return new tensors (owned by the current dispose scope).
/// </summary>
internal static class Foreach
{
    private static void Run(string name, string overload, params Arg[] args) => Dispatch.Call(name, overload, args);

    /// <summary>xs[k] += s.</summary>
    public static void AddInPlace(Tensor[] xs, double s) => Run("aten::_foreach_add_", "Scalar", xs, s);

    /// <summary>xs[k] += alpha * ys[k].</summary>
    public static void AddInPlace(Tensor[] xs, Tensor[] ys, double alpha) =>
        Run("aten::_foreach_add_", "List", xs, ys, Arg.Kw("alpha", alpha));

    /// <summary>xs[k] + alpha * ys[k].</summary>
    public static Tensor[] Add(Tensor[] xs, Tensor[] ys, double alpha) =>
        Dispatch.Tensors("aten::_foreach_add", "List", xs, ys, Arg.Kw("alpha", alpha));

    /// <summary>xs[k] *= s.</summary>
    public static void MulInPlace(Tensor[] xs, double s) => Run("aten::_foreach_mul_", "Scalar", xs, s);

    /// <summary>xs[k] /= s.</summary>
    public static void DivInPlace(Tensor[] xs, double s) => Run("aten::_foreach_div_", "Scalar", xs, s);

    /// <summary>xs[k] += value * t1[k] * t2[k].</summary>
    public static void AddcmulInPlace(Tensor[] xs, Tensor[] t1, Tensor[] t2, double value) =>
        Run("aten::_foreach_addcmul_", "Scalar", xs, t1, t2, value);

    /// <summary>xs[k] + value * t1[k] * t2[k].</summary>
    public static Tensor[] Addcmul(Tensor[] xs, Tensor[] t1, Tensor[] t2, double value) =>
        Dispatch.Tensors("aten::_foreach_addcmul", "Scalar", xs, t1, t2, value);

    /// <summary>xs[k] += value * t1[k] / t2[k].</summary>
    public static void AddcdivInPlace(Tensor[] xs, Tensor[] t1, Tensor[] t2, double value) =>
        Run("aten::_foreach_addcdiv_", "Scalar", xs, t1, t2, value);

    /// <summary>xs[k] = max(xs[k], ys[k]) elementwise.</summary>
    public static void MaximumInPlace(Tensor[] xs, Tensor[] ys) => Run("aten::_foreach_maximum_", "List", xs, ys);

    /// <summary>sqrt(xs[k]).</summary>
    public static Tensor[] Sqrt(Tensor[] xs) => Dispatch.Tensors("aten::_foreach_sqrt", "", xs);

    /// <summary>xs[k] = sqrt(xs[k]).</summary>
    public static void SqrtInPlace(Tensor[] xs) => Run("aten::_foreach_sqrt_", "", xs);

    /// <summary>xs[k] = 0.</summary>
    public static void ZeroInPlace(Tensor[] xs) => Run("aten::_foreach_zero_", "", xs);

    /// <summary>The p-norm of each tensor, as 0-dim tensors.</summary>
    public static Tensor[] Norm(Tensor[] xs, double p) => Dispatch.Tensors("aten::_foreach_norm", "Scalar", xs, p);
}
