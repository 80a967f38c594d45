using System.Text.Json;
using static CourseKit.Tests.NN.NNReferences;

namespace CourseKit.Tests.NN;

/// <summary>
/// Each layer, given PyTorch's weights through load_state_dict, reproduces PyTorch 1.13's output,
/// input gradient, parameter gradients and updated buffers (rtol 1e-5, atol 1e-6 in float32).
/// </summary>
public sealed class ModuleParityTests
{
    /// <summary>The same layers as make_nn_references.py builds, by case name.</summary>
    private static readonly Dictionary<string, Func<nn.Module<torch.Tensor, torch.Tensor>>> Layers = new()
    {
        ["linear"] = () => nn.Linear(4, 3),
        ["linear_nobias_3d"] = () => nn.Linear(4, 3, hasBias: false),
        ["conv2d"] = () => nn.Conv2d(3, 4, 3, padding: 1),
        ["conv2d_strided_grouped"] = () => nn.Conv2d(4, 6, 3, stride: 2, padding: 2, dilation: 2, groups: 2, bias: false),
        ["conv2d_rect"] = () => nn.Conv2d(2, 3, (1, 3), stride: (1, 2), padding: (0, 1)),
        ["conv2d_unbatched"] = () => nn.Conv2d(2, 3, 3),
        ["conv_transpose2d"] = () => nn.ConvTranspose2d(4, 2, 4, stride: 2, padding: 1),
        ["conv_transpose2d_grouped"] = () =>
            nn.ConvTranspose2d(4, 6, 3, stride: 2, padding: 1, output_padding: 1, groups: 2, bias: false, dilation: 2),
        ["batchnorm1d_train"] = () => nn.BatchNorm1d(3),
        ["batchnorm1d_3d_train"] = () => nn.BatchNorm1d(3),
        ["batchnorm2d_train"] = () => nn.BatchNorm2d(3),
        ["batchnorm2d_eval"] = () => nn.BatchNorm2d(3),
        ["batchnorm2d_cumulative"] = () => nn.BatchNorm2d(3, momentum: null),
        ["batchnorm2d_plain"] = () => nn.BatchNorm2d(3, affine: false, track_running_stats: false),
        ["groupnorm"] = () => nn.GroupNorm(2, 4),
        ["layernorm"] = () => nn.LayerNorm(5),
        ["layernorm_2d"] = () => nn.LayerNorm([3, 5]),
        ["embedding"] = () => nn.Embedding(10, 4),
        ["embedding_padding"] = () => nn.Embedding(6, 3, padding_idx: 0),
        ["relu"] = () => nn.ReLU(),
        ["leaky_relu"] = () => nn.LeakyReLU(0.2),
        ["gelu"] = () => nn.GELU(),
        ["gelu_tanh"] = () => nn.GELU(approximate: "tanh"),
        ["silu"] = () => nn.SiLU(),
        ["tanh"] = () => nn.Tanh(),
        ["sigmoid"] = () => nn.Sigmoid(),
        ["flatten"] = () => nn.Flatten(),
        ["flatten_0_1"] = () => nn.Flatten(0, 1),
        ["unflatten"] = () => nn.Unflatten(1, [2, 3]),
        ["upsample_nearest"] = () => nn.Upsample(scale_factor: 2, mode: "nearest"),
        ["upsample_bilinear"] = () => nn.Upsample(scale_factor: 2, mode: "bilinear"),
        ["upsample_bilinear_aligned"] = () => nn.Upsample(size: [5, 7], mode: "bilinear", align_corners: true),
        ["identity"] = () => nn.Identity(),
        ["dropout_eval"] = () => nn.Dropout(0.5),
        ["sequential"] = () => nn.Sequential(nn.Conv2d(1, 4, 3, padding: 1), nn.BatchNorm2d(4), nn.ReLU(), nn.Flatten(),
            nn.Linear(4 * 4 * 4, 3)),
    };

    public static IEnumerable<object[]> Cases => CaseNames(ModuleCases);

    [Fact]
    public void EveryReferenceCaseHasALayer() =>
        Assert.Equal(ModuleCases.EnumerateObject().Select(p => p.Name).Order(), Layers.Keys.Order());

    [Theory]
    [MemberData(nameof(Cases))]
    public void MatchesPyTorch(string name)
    {
        var c = ModuleCases.GetProperty(name);
        using var scope = NewDisposeScope();
        using var layer = Layers[name]();
        layer.load_state_dict(Tensors(c.GetProperty("state")));
        layer.train(c.GetProperty("training").GetBoolean());

        var x = Tensor(c.GetProperty("input"));
        if (x.is_floating_point()) x.requires_grad_();
        var y = layer.call(x);
        AssertClose(Tensor(c.GetProperty("output")), y, $"{name}: output");

        y.backward(Tensor(c.GetProperty("grad_output")));
        if (c.GetProperty("grad_input").ValueKind != JsonValueKind.Null)
            AssertClose(Tensor(c.GetProperty("grad_input")), x.grad, $"{name}: input gradient");

        var grads = Tensors(c.GetProperty("grads"));
        Assert.Equal(grads.Keys, layer.named_parameters().Select(p => p.name));
        foreach (var (pname, p) in layer.named_parameters())
            AssertClose(grads[pname], p.grad, $"{name}: gradient of {pname}");

        var after = Tensors(c.GetProperty("state_after"));
        var state = layer.state_dict();
        Assert.Equal(after.Keys, state.Keys);
        foreach (var (key, expected) in after)
            AssertClose(expected, state[key], $"{name}: {key} after the step");
    }
}
