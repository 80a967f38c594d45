using F = CourseKit.torch.nn.functional;

namespace CourseKit.Tests.Parity;

internal static partial class ParityOps
{
    /// <summary>torch.nn.functional: layers, normalisation, resampling, activations, losses.</summary>
    private static Dictionary<string, ParityOp> FunctionalOps() => new()
    {
        // ---- layers ----
        ["F.linear"] = Op((x, a) => [F.linear(x[0], x[1], x[2])]),
        ["F.conv2d"] = Op((x, a) => [F.conv2d(x[0], x[1], x[2], Pair(a.Long("stride")), Pair(a.Long("padding")))]),
        ["F.conv2d_nobias"] = Op((x, a) => [F.conv2d(x[0], x[1], null, Pair(a.Long("stride")), Pair(a.Long("padding")))]),
        ["F.conv_transpose2d"] = Op((x, a) => [F.conv_transpose2d(x[0], x[1], x[2], Pair(a.Long("stride")), Pair(a.Long("padding")))]),
        ["F.embedding"] = Op((x, a) => [F.embedding(x[0], x[1])]),
        ["F.one_hot"] = Op((x, a) => [F.one_hot(x[0], a.Long("n"))]),

        // ---- normalisation ----
        ["F.batch_norm_train"] = Op((x, a) =>
        {
            var channels = x[0].size(1);
            var mean = zeros([channels], device: x[0].device);
            var variance = ones([channels], device: x[0].device);
            var y = F.batch_norm(x[0], mean, variance, x[1], x[2], training: true, a.Double("momentum"), a.Double("eps"));
            return [y, mean, variance]; // running statistics after one update from (0, 1)
        }),
        ["F.batch_norm_eval"] = Op((x, a) => [F.batch_norm(x[0], x[1], x[2], x[3], x[4], training: false, eps: a.Double("eps"))]),
        ["F.layer_norm"] = Op((x, a) => [F.layer_norm(x[0], a.Longs("shape"), x[1], x[2], a.Double("eps"))]),
        ["F.group_norm"] = Op((x, a) => [F.group_norm(x[0], a.Long("groups"), x[1], x[2], a.Double("eps"))]),

        // ---- resampling and padding ----
        ["F.interpolate_nearest"] = Op((x, a) => [F.interpolate(x[0], a.Double("scale"), mode: "nearest")]),
        ["F.interpolate_bilinear"] = Op((x, a) => [F.interpolate(x[0], a.Longs("size"), mode: "bilinear", align_corners: false)]),
        ["F.pad_constant"] = Op((x, a) => [F.pad(x[0], a.Longs("pad"), "constant", a.Double("value"))]),
        ["F.pad_reflect"] = Op((x, a) => [F.pad(x[0], a.Longs("pad"), "reflect")]),
        ["F.avg_pool2d"] = Op((x, a) => [F.avg_pool2d(x[0], a.Long("k"))]),
        ["F.max_pool2d"] = Op((x, a) => [F.max_pool2d(x[0], a.Long("k"))]),

        // ---- activations ----
        ["F.leaky_relu"] = Op((x, a) => [F.leaky_relu(x[0], a.Double("slope"))]),
        ["F.gelu"] = Op((x, a) => [F.gelu(x[0])]),
        ["F.silu"] = Op((x, a) => [F.silu(x[0])]),
        ["F.softplus"] = Op((x, a) => [F.softplus(x[0])]),
        ["F.elu"] = Op((x, a) => [F.elu(x[0])]),

        // ---- losses ----
        ["F.mse_loss"] = Op((x, a) => [F.mse_loss(x[0], x[1])]),
        ["F.l1_loss"] = Op((x, a) => [F.l1_loss(x[0], x[1])]),
        ["F.cross_entropy"] = Op((x, a) => [F.cross_entropy(x[0], x[1])]),
        ["F.cross_entropy_sum"] = Op((x, a) => [F.cross_entropy(x[0], x[1], reduction: "sum")]),
        ["F.nll_loss"] = Op((x, a) => [F.nll_loss(x[0], x[1])]),
        ["F.binary_cross_entropy"] = Op((x, a) => [F.binary_cross_entropy(x[0], x[1])]),
        ["F.binary_cross_entropy_with_logits"] = Op((x, a) => [F.binary_cross_entropy_with_logits(x[0], x[1])]),
        ["F.kl_div"] = Op((x, a) => [F.kl_div(x[0], x[1], reduction: "batchmean")]),
    };

    private static long[] Pair(long v) => [v, v];
}
