using static CourseKit.Tests.NN.NNReferences;
using F = CourseKit.torch.nn.functional;

namespace CourseKit.Tests.NN;

/// <summary>
/// nn.functional operations and losses reproduce PyTorch 1.13's outputs and gradients (every
/// reduction of every loss), on inputs stored in nn_references.json.
/// </summary>
public sealed class FunctionalParityTests
{
    private static readonly Dictionary<string, Func<Dictionary<string, torch.Tensor>, torch.Tensor>> Operations = Build();

    private static Dictionary<string, Func<Dictionary<string, torch.Tensor>, torch.Tensor>> Build()
    {
        var ops = new Dictionary<string, Func<Dictionary<string, torch.Tensor>, torch.Tensor>>
        {
            ["softplus"] = i => F.softplus(i["x"], beta: 2, threshold: 5),
            ["elu"] = i => F.elu(i["x"], alpha: 0.5),
            ["softmax"] = i => F.softmax(i["x"], 1),
            ["log_softmax"] = i => F.log_softmax(i["x"], -1),
            ["one_hot"] = i => F.one_hot(i["t"], 5),
            ["linear"] = i => F.linear(i["x"], i["w"], i["b"]),
            ["masked_conv2d"] = i => F.conv2d(i["x"], i["w"] * i["mask"], i["b"], padding: [1, 1]),
            ["conv_transpose2d"] = i => F.conv_transpose2d(i["x"], i["w"], strides: [2, 2], padding: [1, 1], output_padding: [1, 1]),
            ["interpolate_nearest_size"] = i => F.interpolate(i["x"], size: [5, 7], mode: "nearest"),
            ["interpolate_bilinear_scale"] = i => F.interpolate(i["x"], 1.5, mode: "bilinear"),
            ["interpolate_bilinear_aligned"] = i => F.interpolate(i["x"], size: [6, 5], mode: "bilinear", align_corners: true),
            ["pad_constant"] = i => F.pad(i["x"], [1, 2, 0, 1], value: 1.5),
            ["pad_reflect"] = i => F.pad(i["x"], [2, 1, 1, 2], mode: "reflect"),
            ["pad_replicate"] = i => F.pad(i["x"], [1, 1, 2, 0], mode: "replicate"),
            ["max_pool2d"] = i => F.max_pool2d(i["x"], 2),
            ["max_pool2d_padded"] = i => F.max_pool2d(i["x"], 3, stride: 2, padding: 1),
            ["avg_pool2d"] = i => F.avg_pool2d(i["x"], 2),
            ["avg_pool2d_padded"] = i => F.avg_pool2d(i["x"], 3, stride: 2, padding: 1),
            ["batch_norm_train"] = i => F.batch_norm(i["x"], null, null, i["w"], i["b"], training: true),
            ["group_norm"] = i => F.group_norm(i["x"], 3),
            ["layer_norm"] = i => F.layer_norm(i["x"], [4], i["w"], i["b"], eps: 1e-3),
            ["embedding"] = i => F.embedding(i["i"], i["w"]),
            ["bce_weighted"] = i => F.binary_cross_entropy(i["p"], i["y"], weight: i["w"]),
            ["bce_logits_pos_weight"] = i => F.binary_cross_entropy_with_logits(i["x"], i["y"], pos_weight: i["pw"]),
            ["cross_entropy_weighted_ignore"] = i => F.cross_entropy(i["x"], i["t"], weight: i["w"], ignore_index: 4),
            ["cross_entropy_spatial"] = i => F.cross_entropy(i["x"], i["t"]),
            ["cross_entropy_label_smoothing"] = i => F.cross_entropy(i["x"], i["t"], label_smoothing: 0.1),
            ["kl_div_batchmean"] = i => F.kl_div(i["q"], i["t"], reduction: "batchmean"),
            ["kl_div_log_target_sum"] = i => F.kl_div(i["q"], i["t"], reduction: "sum", log_target: true),
        };
        foreach (var red in new[] { "mean", "sum", "none" })
        {
            ops[$"bce_{red}"] = i => F.binary_cross_entropy(i["p"], i["y"], reduction: red);
            ops[$"bce_logits_{red}"] = i => F.binary_cross_entropy_with_logits(i["x"], i["y"], reduction: red);
            ops[$"cross_entropy_{red}"] = i => F.cross_entropy(i["x"], i["t"], reduction: red);
            ops[$"nll_{red}"] = i => F.nll_loss(i["x"], i["t"], reduction: red);
            ops[$"mse_{red}"] = i => F.mse_loss(i["x"], i["y"], reduction: red);
            ops[$"l1_{red}"] = i => F.l1_loss(i["x"], i["y"], reduction: red);
        }
        return ops;
    }

    public static IEnumerable<object[]> Cases => CaseNames(FunctionalCases);

    [Fact]
    public void EveryReferenceCaseHasAnOperation() =>
        Assert.Equal(FunctionalCases.EnumerateObject().Select(p => p.Name).Order(), Operations.Keys.Order());

    [Theory]
    [MemberData(nameof(Cases))]
    public void MatchesPyTorch(string name)
    {
        var c = FunctionalCases.GetProperty(name);
        using var scope = NewDisposeScope();
        var inputs = Tensors(c.GetProperty("inputs"));
        var grads = Tensors(c.GetProperty("grads"));
        foreach (var n in grads.Keys) inputs[n].requires_grad_();

        var y = Operations[name](inputs);
        AssertClose(Tensor(c.GetProperty("output")), y, $"{name}: output");
        if (grads.Count == 0) return;

        y.backward(Tensor(c.GetProperty("grad_output")));
        foreach (var (n, expected) in grads)
            AssertClose(expected, inputs[n].grad, $"{name}: gradient of {n}");
    }
}
