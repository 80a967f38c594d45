namespace CourseKit.Tests.Parity;

internal static partial class ParityOps
{
    /// <summary>Elementwise math, reductions, indexing, joining, shapes and factories.</summary>
    private static Dictionary<string, ParityOp> TensorOps() => new()
    {
        // ---- elementwise arithmetic, broadcasting, scalars ----
        ["add_broadcast"] = Op((x, a) => [x[0] + x[1]]),
        ["add_alpha"] = Op((x, a) => [x[0].add(x[1], a.Double("alpha"))]),
        ["sub_broadcast"] = Op((x, a) => [x[0] - x[1]]),
        ["mul_broadcast"] = Op((x, a) => [x[0] * x[1]]),
        ["div_broadcast"] = Op((x, a) => [x[0] / x[1]]),
        ["add_scalar"] = Op((x, a) => [x[0] + a.Double("s")]),
        ["sub_scalar"] = Op((x, a) => [x[0] - a.Double("s")]),
        ["rsub_scalar"] = Op((x, a) => [a.Double("s") - x[0]]),
        ["mul_scalar"] = Op((x, a) => [x[0] * a.Double("s")]),
        ["div_scalar"] = Op((x, a) => [x[0] / a.Double("s")]),
        ["rdiv_scalar"] = Op((x, a) => [a.Double("s") / x[0]]),
        ["neg"] = Op((x, a) => [-x[0]]),
        ["pow_scalar"] = Op((x, a) => [x[0].pow(a.Double("p"))]),
        ["pow_fractional"] = Op((x, a) => [x[0].pow(a.Double("p"))]),
        ["pow_tensor"] = Op((x, a) => [x[0].pow(x[1])]),
        ["square"] = Op((x, a) => [x[0].square()]),
        ["exp"] = Op((x, a) => [exp(x[0])]),
        ["expm1"] = Op((x, a) => [x[0].expm1()]),
        ["log"] = Op((x, a) => [log(x[0])]),
        ["log1p"] = Op((x, a) => [log1p(x[0])]),
        ["sqrt"] = Op((x, a) => [sqrt(x[0])]),
        ["rsqrt"] = Op((x, a) => [x[0].rsqrt()]),
        ["abs"] = Op((x, a) => [abs(x[0])]),
        ["sigmoid"] = Op((x, a) => [sigmoid(x[0])]),
        ["tanh"] = Op((x, a) => [tanh(x[0])]),
        ["relu"] = Op((x, a) => [x[0].relu()]),
        ["sin_cos"] = Op((x, a) => [x[0].sin(), x[0].cos()]),
        ["reciprocal"] = Op((x, a) => [x[0].reciprocal()]),
        ["clamp"] = Op((x, a) => [x[0].clamp(a.Double("lo"), a.Double("hi"))]),
        ["clamp_min"] = Op((x, a) => [x[0].clamp(min: a.Double("lo"))]),
        ["maximum_minimum"] = Op((x, a) => [maximum(x[0], x[1]), minimum(x[0], x[1])]),
        ["lerp"] = Op((x, a) => [lerp(x[0], x[1], a.Double("w"))]),
        ["where"] = Op((x, a) => [where(x[0], x[1], x[2])]),
        ["masked_fill"] = Op((x, a) => [x[0].masked_fill(x[1], a.Double("v"))]),
        ["comparisons"] = Op((x, a) => [x[0].gt(x[1]), x[0].le(x[1]), x[0].eq(x[0]), x[0].ne(x[1])]),

        // ---- softmax family ----
        ["softmax"] = Op((x, a) => [x[0].softmax(a.Long("dim"))]),
        ["softmax_dim0"] = Op((x, a) => [softmax(x[0], a.Long("dim"))]),
        ["log_softmax"] = Op((x, a) => [log_softmax(x[0], a.Long("dim"))]),
        ["logsumexp"] = Op((x, a) => [x[0].logsumexp(a.Long("dim"), a.Bool("keepdim"))]),

        // ---- reductions ----
        ["sum_all"] = Op((x, a) => [x[0].sum()]),
        ["sum_dims_keepdim"] = Op((x, a) => [x[0].sum(a.Longs("dims"), a.Bool("keepdim"))]),
        ["sum_dim"] = Op((x, a) => [x[0].sum(a.Long("dim"))]),
        ["mean_all"] = Op((x, a) => [x[0].mean()]),
        ["mean_dim_keepdim"] = Op((x, a) => [x[0].mean(a.Long("dim"), a.Bool("keepdim"))]),
        ["var_all"] = Op((x, a) => [x[0].var()]),
        ["var_dim_biased"] = Op((x, a) => [x[0].var(a.Long("dim"), a.Bool("unbiased"), a.Bool("keepdim"))]),
        ["std_dim"] = Op((x, a) => [x[0].std(a.Long("dim"))]),
        ["std_all"] = Op((x, a) => [x[0].std()]),
        ["prod"] = Op((x, a) => [x[0].prod()]),
        ["norm"] = Op((x, a) => [x[0].norm()]),
        ["max_all"] = Op((x, a) => [x[0].max()]),
        ["min_all"] = Op((x, a) => [x[0].min()]),
        ["max_dim"] = Op((x, a) => Both(x[0].max(a.Long("dim"), a.Bool("keepdim")))),
        ["min_dim_keepdim"] = Op((x, a) => Both(x[0].min(a.Long("dim"), a.Bool("keepdim")))),
        ["argmax_dim"] = Op((x, a) => [x[0].argmax(a.Long("dim"))]),
        ["argmax_all"] = Op((x, a) => [x[0].argmax()]),
        ["argmin_dim"] = Op((x, a) => [x[0].argmin(a.Long("dim"))]),
        ["cumsum"] = Op((x, a) => [cumsum(x[0], a.Long("dim"))]),
        ["cumprod"] = Op((x, a) => [cumprod(x[0], a.Long("dim"))]),
        ["sort_descending"] = Op((x, a) => Both(x[0].sort(a.Long("dim"), a.Bool("descending")))),
        ["sort_dim0"] = Op((x, a) => Both(sort(x[0], a.Long("dim"), a.Bool("descending")))),
        ["topk"] = Op((x, a) => Both(x[0].topk(a.Long("k"), a.Long("dim")))),
        ["topk_smallest"] = Op((x, a) => Both(topk(x[0], a.Long("k"), a.Long("dim"), largest: false))),

        // ---- gathering and indexing ----
        ["gather"] = Op((x, a) => [x[0].gather(a.Long("dim"), x[1])]),
        ["index_select"] = Op((x, a) => [x[0].index_select(a.Long("dim"), x[1])]),
        ["masked_select"] = Op((x, a) => [x[0].masked_select(x[1])]),
        ["index_slices"] = Op((x, a) => [x[0][TensorIndex.Slice(1), TensorIndex.Slice(step: 2), -1]]), // a[1:, ::2, -1]
        ["index_none_ellipsis"] = Op((x, a) => [x[0][TensorIndex.None, TensorIndex.Ellipsis, 2]]), // a[None, ..., 2]
        ["index_tensor"] = Op((x, a) => [x[0][x[1]]]),
        ["index_mask"] = Op((x, a) => [x[0][x[1]]]),
        ["narrow_select"] = Op((x, a) => [x[0].narrow(1, 1, 2), x[0].select(0, 2)]),
        ["flip"] = Op((x, a) => [x[0].flip(a.Longs("dims"))]),

        // ---- joining and splitting ----
        ["cat"] = Op((x, a) => [cat([x[0], x[1]], a.Long("dim"))]),
        ["stack"] = Op((x, a) => [stack([x[0], x[1]], a.Long("dim"))]),
        ["chunk"] = Op((x, a) => x[0].chunk(a.Long("chunks"), a.Long("dim"))),
        ["split_size"] = Op((x, a) => x[0].split(a.Long("size"), a.Long("dim"))),
        ["split_sizes"] = Op((x, a) => x[0].split(a.Longs("sizes"), a.Long("dim"))),

        // ---- shapes ----
        ["reshape"] = Op((x, a) => [x[0].reshape(a.Longs("shape"))]),
        ["view"] = Op((x, a) => [x[0].view(a.Longs("shape"))]),
        ["permute"] = Op((x, a) => [x[0].permute(a.Longs("dims"))]),
        ["transpose"] = Op((x, a) => [x[0].transpose(a.Long("d0"), a.Long("d1"))]),
        ["t"] = Op((x, a) => [x[0].t()]),
        ["flatten"] = Op((x, a) => [x[0].flatten(a.Long("start"), a.Long("end"))]),
        ["unflatten"] = Op((x, a) => [x[0].unflatten(a.Long("dim"), a.Longs("sizes"))]),
        ["unsqueeze"] = Op((x, a) => [x[0].unsqueeze(a.Long("dim"))]),
        ["squeeze_all"] = Op((x, a) => [x[0].squeeze()]),
        ["squeeze_dim"] = Op((x, a) => [x[0].squeeze(a.Long("dim"))]),
        ["expand"] = Op((x, a) => [x[0].expand(a.Longs("sizes"))]),
        ["repeat"] = Op((x, a) => [x[0].repeat(a.Longs("reps"))]),

        // ---- other dtypes ----
        ["matmul_f64"] = Op((x, a) => [matmul(x[0], x[1])]),
        ["softmax_f64"] = Op((x, a) => [x[0].softmax(a.Long("dim"))]),
        ["var_f64"] = Op((x, a) => [x[0].var(a.Long("dim"))]),
        ["add_int64"] = Op((x, a) => [x[0] + x[1] * a.Long("s")]),
        ["sum_int64"] = Op((x, a) => [x[0].sum(), x[0].sum(a.Long("dim"))]),
        ["cumsum_int64"] = Op((x, a) => [x[0].cumsum(a.Long("dim"))]),

        // ---- edge cases: empty tensors, size-1 dimensions, extreme values ----
        ["sum_empty"] = Op((x, a) => [x[0].sum(a.Long("dim"))]),
        ["cat_empty"] = Op((x, a) => [cat([x[0], x[1]], a.Long("dim"))]),
        ["softmax_size1"] = Op((x, a) => [x[0].softmax(a.Long("dim"))]),
        ["logsumexp_large"] = Op((x, a) => [logsumexp(x[0], a.Long("dim"), a.Bool("keepdim"))]),
        ["log_softmax_large"] = Op((x, a) => [x[0].log_softmax(a.Long("dim"))]),
        ["sigmoid_extremes"] = Op((x, a) => [x[0].sigmoid()]),

        // ---- factories ----
        ["arange_int64"] = Op((x, a) => [arange(a.Long("start"), a.Long("end"), a.Long("step"))]),
        ["arange_float"] = Op((x, a) => [arange(a.Double("start"), a.Double("end"), a.Double("step"))]),
        ["linspace"] = Op((x, a) => [linspace(a.Double("start"), a.Double("end"), a.Long("steps"))]),
        ["eye_zeros_ones"] = Op((x, a) =>
        [
            eye(a.Long("n")), zeros(a.Long("n"), 2), ones([2, a.Long("n")], int64),
        ]),
    };

    private static Tensor[] Both((Tensor, Tensor) pair) => [pair.Item1, pair.Item2];
}
