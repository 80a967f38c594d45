using static CourseKit.Tests.NN.NNReferences;
using F = CourseKit.torch.nn.functional;

namespace CourseKit.Tests.NN;

/// <summary>
/// Module behaviour: names, printing, modes, state dictionaries, conversion, ownership, errors.
/// Layers draw their initial weights from the global generator, so the tests seed it and run
/// outside the parallel phase.
/// </summary>
[Collection(nameof(SeededRandomCollection))]
public sealed class ModuleTests
{
    /// <summary>The network make_nn_references.py prints (reprs()).</summary>
    private static Modules.Sequential ReferenceNetwork() => nn.Sequential(
        nn.Conv2d(1, 8, 3, padding: 1), nn.BatchNorm2d(8), nn.LeakyReLU(0.2), nn.Dropout(0.25),
        nn.ConvTranspose2d(8, 4, 4, stride: 2, padding: 1, bias: false), nn.GroupNorm(2, 4), nn.SiLU(),
        nn.Upsample(scale_factor: 2, mode: "bilinear"), nn.Flatten(), nn.Unflatten(1, [4, 256]), nn.LayerNorm(256),
        nn.GELU(), nn.Linear(256, 10, hasBias: false), nn.BatchNorm1d(4, momentum: null), nn.Tanh(), nn.Sigmoid(),
        nn.Identity(), nn.Sequential(nn.Embedding(10, 3, padding_idx: 0), nn.ReLU()));

    [Fact]
    public void StateDictNamesAndPrintedTreeMatchPyTorch()
    {
        using var net = ReferenceNetwork();
        var expectedKeys = Repr.GetProperty("state_dict_keys").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Equal(expectedKeys, net.state_dict().Keys);
        Assert.Equal(Repr.GetProperty("network").GetString(), net.ToString());

        using var blocks = nn.ModuleList<nn.Module>(nn.Conv2d(2, 3, (1, 3), stride: (1, 2), padding: (0, 1), dilation: (2, 2)), nn.Linear(2, 2));
        Assert.Equal(Repr.GetProperty("module_list_keys").EnumerateArray().Select(e => e.GetString()), blocks.state_dict().Keys);
        Assert.Equal(Repr.GetProperty("module_list").GetString(), blocks.ToString());
    }

    [Fact]
    public void SmallConvBatchNormLinearNetworkHasPyTorchNames()
    {
        using var net = nn.Sequential(nn.Conv2d(1, 4, 3, padding: 1), nn.BatchNorm2d(4), nn.ReLU(), nn.Flatten(), nn.Linear(64, 3));
        Assert.Equal(["0.weight", "0.bias", "1.weight", "1.bias", "4.weight", "4.bias"], net.named_parameters().Select(p => p.name));
        Assert.Equal(["1.running_mean", "1.running_var", "1.num_batches_tracked"], net.named_buffers().Select(b => b.name));
        Assert.Equal(["0.weight", "0.bias", "1.weight", "1.bias", "1.running_mean", "1.running_var", "1.num_batches_tracked",
            "4.weight", "4.bias"], net.state_dict().Keys);
        Assert.Equal(["", "0", "1", "2", "3", "4"], net.named_modules().Select(m => m.name));
        Assert.Equal(5, net.children().Count());
    }

    [Fact]
    public void NamedSequentialUsesTheGivenNames()
    {
        using var net = nn.Sequential(("encoder", nn.Linear(2, 3)), ("act", nn.Tanh()), ("decoder", nn.Linear(3, 2)));
        Assert.Equal(["encoder.weight", "encoder.bias", "decoder.weight", "decoder.bias"], net.named_parameters().Select(p => p.name));
        Assert.StartsWith("Sequential(\n  (encoder): Linear(in_features=2, out_features=3, bias=True)\n  (act): Tanh()", net.ToString());
        Assert.Throws<ArgumentException>(() => net.append("act", nn.ReLU()));
    }

    [Fact]
    public void BatchNormUpdatesRunningStatsInTrainingAndUsesThemInEvaluation()
    {
        using var scope = NewDisposeScope();
        using var bn = nn.BatchNorm2d(2);
        var x = tensor(new float[] { 1, 2, 3, 4, 10, 20, 30, 40, 5, 6, 7, 8, -1, -2, -3, -4 }, [2, 2, 2, 2]);
        var batchMean = x.mean([0, 2, 3]);                 // (C)
        var batchVar = x.var([0, 2, 3], unbiased: true);   // (C), unbiased as PyTorch's running update

        var y = bn.call(x);
        AssertClose(batchMean * 0.1, bn.running_mean, "running_mean after one step");
        AssertClose(batchVar * 0.1 + 0.9, bn.running_var, "running_var after one step");
        Assert.Equal(1L, bn.num_batches_tracked!.item<long>());
        var trainMean = y.mean([0, 2, 3]);
        AssertClose(zeros(2), trainMean, "training output is normalised with the batch statistics", atol: 1e-5);

        bn.eval();
        Assert.False(bn.training);
        var z = bn.call(x);
        var expected = (x - bn.running_mean!.view(1, 2, 1, 1)) / (bn.running_var!.view(1, 2, 1, 1) + 1e-5).sqrt();
        AssertClose(expected, z, "evaluation output uses the running statistics");
        Assert.Equal(1L, bn.num_batches_tracked.item<long>());
        AssertClose(batchMean * 0.1, bn.running_mean, "running_mean is unchanged in evaluation");
    }

    [Fact]
    public void DropoutIsTheIdentityInEvaluation()
    {
        using var scope = NewDisposeScope();
        manual_seed(1);
        using var net = nn.Sequential(nn.Dropout(0.9), nn.Identity());
        net.eval();
        Assert.All(net.modules(), m => Assert.False(m.training));
        var x = randn(50, 4);
        AssertClose(x, net.call(x), "dropout in evaluation", rtol: 0, atol: 0);
        net.train();
        Assert.All(net.modules(), m => Assert.True(m.training));
    }

    [Fact]
    public void LinearNamesItselfAndTheShapeOnWrongInput()
    {
        using var scope = NewDisposeScope();
        using var linear = nn.Linear(3, 2);
        var e = Assert.Throws<TorchException>(() => linear.call(zeros(4, 5)));
        Assert.Contains("Linear(in_features=3, out_features=2, bias=True)", e.Message);
        Assert.Contains("Tensor[4, 5] float32", e.Message);
        Assert.Contains("(*, 3)", e.Message);

        var a = Assert.Throws<TorchException>(() => F.linear(zeros(4, 5), zeros(2, 3)));
        Assert.Contains("aten::linear", a.Message);
        Assert.Contains("Tensor[4, 5] float32", a.Message);
    }

    [Fact]
    public void Conv2dNamesItselfAndTheShapeOnWrongInput()
    {
        using var scope = NewDisposeScope();
        using var conv = nn.Conv2d(3, 8, 3);
        var e = Assert.Throws<TorchException>(() => conv.call(zeros(1, 1, 5, 5)));
        Assert.Contains("Conv2d(3, 8, kernel_size=(3, 3), stride=(1, 1))", e.Message);
        Assert.Contains("Tensor[1, 1, 5, 5] float32", e.Message);
        Assert.Throws<TorchException>(() => conv.call(zeros(3, 5)));

        var a = Assert.Throws<TorchException>(() => F.conv2d(zeros(1, 1, 5, 5), zeros(8, 3, 3, 3)));
        Assert.Contains("aten::conv2d", a.Message);
        Assert.Contains("Tensor[8, 3, 3, 3] float32", a.Message);

        using var bn = nn.BatchNorm2d(8);
        Assert.Contains("(N, C, H, W)", Assert.Throws<TorchException>(() => bn.call(zeros(2, 8, 4))).Message);
        Assert.Contains("mse_loss", Assert.Throws<TorchException>(() => F.mse_loss(zeros(4, 1), zeros(4))).Message);
    }

    [Fact]
    public void MaskedConvolutionGivesZeroGradientToMaskedWeights()
    {
        using var scope = NewDisposeScope();
        manual_seed(2);
        using var conv = nn.Conv2d(2, 3, 3, padding: 1);
        var mask = ones(3, 2, 3, 3);
        mask[TensorIndex.Colon, TensorIndex.Colon, 1, 2..] = zeros(3, 2, 1);   // type-A PixelCNN mask: centre row from the centre on
        mask[TensorIndex.Colon, TensorIndex.Colon, 2..] = zeros(3, 2, 1, 3);    // and every row below
        var y = F.conv2d(randn(2, 2, 5, 5), conv.weight * mask, conv.bias, padding: [1, 1]);
        y.square().sum().backward();

        var grad = conv.weight.grad!;
        var masked = grad.masked_select(mask.eq(0));
        var kept = grad.masked_select(mask.eq(1));
        Assert.Equal(3 * 2 * 4, masked.numel());
        Assert.Equal(0f, masked.abs().sum().item<float>());
        Assert.True(kept.abs().min().item<float>() > 0);
    }

    [Fact]
    public void LoadStateDictNamesMissingUnexpectedAndMismatchedKeys()
    {
        using var scope = NewDisposeScope();
        using var net = nn.Sequential(nn.Linear(2, 3), nn.ReLU(), nn.Linear(3, 1));
        var state = net.state_dict();
        state.Remove("2.bias");
        state["2.scale"] = ones(1);
        var e = Assert.Throws<ArgumentException>(() => net.load_state_dict(state));
        Assert.Contains("missing keys: 2.bias", e.Message);
        Assert.Contains("unexpected keys: 2.scale", e.Message);

        var (missing, unexpected) = net.load_state_dict(state, strict: false);
        Assert.Equal(["2.bias"], missing);
        Assert.Equal(["2.scale"], unexpected);

        state["0.weight"] = zeros(3, 3);
        var s = Assert.Throws<ArgumentException>(() => net.load_state_dict(state, strict: false));
        Assert.Contains("0.weight: the checkpoint has shape [3, 3], this module has [3, 2]", s.Message);
    }

    [Fact]
    public void LoadStateDictCopiesIntoTheSameParameterObjects()
    {
        using var scope = NewDisposeScope();
        using var a = nn.Linear(3, 2);
        using var b = nn.Linear(3, 2);
        var weight = b.weight;
        b.load_state_dict(a.state_dict());
        Assert.Same(weight, b.weight);
        AssertClose(a.weight, b.weight, "loaded weight", rtol: 0, atol: 0);
        Assert.True(b.weight.requires_grad);

        // state_dict values are detached aliases: disposing them leaves the module intact.
        foreach (var t in b.state_dict().Values) t.Dispose();
        Assert.False(b.weight.IsInvalid);
    }

    /// <summary>A custom module whose pieces are registered from its fields.</summary>
    private sealed class Gated : nn.Module<torch.Tensor, torch.Tensor>
    {
        private readonly Modules.Linear fc1;
        private readonly nn.Parameter scale;
        private readonly torch.Tensor mask;

        public Gated()
        {
            fc1 = nn.Linear(3, 4);
            fc2 = nn.Linear(4, 2);
            scale = new nn.Parameter(full([2], 0.5));
            mask = tensor(new float[] { 1, 0 });
            RegisterComponents();
        }

        public Modules.Linear fc2 { get; }

        public override torch.Tensor forward(torch.Tensor input)
        {
            using var h = fc1.call(input);
            using var a = F.relu(h);
            using var o = fc2.call(a);
            using var s = o * scale;
            return s * mask;
        }
    }

    [Fact]
    public void RegisterComponentsRegistersFieldsUnderTheirNames()
    {
        using var scope = NewDisposeScope();
        using var net = new Gated();
        Assert.Equal(["scale", "fc1.weight", "fc1.bias", "fc2.weight", "fc2.bias"], net.named_parameters().Select(p => p.name));
        Assert.Equal(["mask"], net.named_buffers().Select(b => b.name));
        Assert.Equal(["scale", "mask", "fc1.weight", "fc1.bias", "fc2.weight", "fc2.bias"], net.state_dict().Keys);
        Assert.Equal(["fc1", "fc2"], net.named_children().Select(c => c.name));
        Assert.Equal(2 + 12 + 4 + 8 + 2, net.parameters().Sum(p => p.numel()));
        Assert.Equal("Gated(\n  (fc1): Linear(in_features=3, out_features=4, bias=True)\n  (fc2): Linear(in_features=4, out_features=2, bias=True)\n)",
            net.ToString());
    }

    [Fact]
    public void ToConvertsFloatingPointTensorsInPlaceAndZeroGradClears()
    {
        using var scope = NewDisposeScope();
        manual_seed(3);
        using var net = nn.Sequential(nn.Linear(3, 4), nn.BatchNorm1d(4));
        var weight = net.parameters().First();
        net.call(randn(5, 3)).sum().backward();
        Assert.NotNull(weight.grad);

        Assert.Same(net, net.to(float64));
        Assert.Same(weight, net.parameters().First());
        Assert.All(net.parameters(), p => Assert.Equal(ScalarType.Float64, p.dtype));
        Assert.Equal(ScalarType.Float64, weight.grad!.dtype);
        Assert.Equal(ScalarType.Float64, net.state_dict()["1.running_var"].dtype);
        Assert.Equal(ScalarType.Int64, net.state_dict()["1.num_batches_tracked"].dtype);
        Assert.True(weight.requires_grad && weight.is_leaf);
        Assert.Equal(new long[] { 5, 4 }, net.call(randn([5, 3], float64)).shape);
        net.to(CPU);
        Assert.Equal(CPU, weight.device);

        net.zero_grad();
        Assert.All(net.parameters(), p => Assert.Null(p.grad));
        Assert.Throws<ArgumentException>(() => net.to(int64));
    }

    [Fact]
    public void ModulesOutliveTheDisposeScopeTheyWereBuiltInAndDisposeTheirTensors()
    {
        Modules.Sequential net;
        torch.Tensor output;
        using (NewDisposeScope())
        {
            net = nn.Sequential(nn.Linear(2, 2), nn.BatchNorm1d(2));
            output = net.call(ones(3, 2)).DetachFromDisposeScope();
        }
        Assert.All(net.parameters(), p => Assert.False(p.IsInvalid));
        Assert.All(net.buffers(), b => Assert.False(b.IsInvalid));
        Assert.Equal(new long[] { 3, 2 }, output.shape);
        output.Dispose();

        var tensors = net.parameters().Cast<torch.Tensor>().Concat(net.buffers()).ToList();
        net.Dispose();
        Assert.All(tensors, t => Assert.True(t.IsInvalid));
    }

    [Fact]
    public void SequentialKeepsItsInputAndEmptySequentialPassesThrough()
    {
        using var scope = NewDisposeScope();
        manual_seed(4);
        var x = randn(2, 3);
        using var net = nn.Sequential(nn.Identity(), nn.Tanh(), nn.Identity(), nn.ReLU());
        var y = net.call(x);
        Assert.False(x.IsInvalid);
        AssertClose(x.tanh().relu(), y, "sequential output", rtol: 0, atol: 0);
        Assert.Equal(4, net.Count);
        Assert.IsType<Modules.Tanh>(net[1]);

        using var empty = nn.Sequential();
        AssertClose(x, empty.call(x), "empty sequential", rtol: 0, atol: 0);
        empty.append(nn.Tanh());
        AssertClose(x.tanh(), empty.call(x), "appended module", rtol: 0, atol: 0);
    }

    [Fact]
    public void ModuleListRegistersItsItemsByPosition()
    {
        using var scope = NewDisposeScope();
        using var list = nn.ModuleList(nn.Linear(2, 2), nn.Linear(2, 3, hasBias: false));
        list.Add(nn.Linear(3, 1));
        Assert.Equal(3, list.Count);
        Assert.Equal(3, list[1].out_features);
        Assert.Equal([2L, 3, 1], list.Select(l => l.out_features));
        Assert.Equal(["0.weight", "0.bias", "1.weight", "2.weight", "2.bias"], list.named_parameters().Select(p => p.name));
        list.eval();
        Assert.All(list, l => Assert.False(l.training));
    }

    /// <summary>A two-input module: x * s.</summary>
    private sealed class Scale : nn.Module<torch.Tensor, double, torch.Tensor>
    {
        public override torch.Tensor forward(torch.Tensor input1, double input2) => input1 * input2;
    }

    [Fact]
    public void TwoInputModulesAreCalledWithBothInputs()
    {
        using var scope = NewDisposeScope();
        using var m = new Scale();
        Assert.Equal([2f, 4f], m.call(tensor(new float[] { 1, 2 }), 2.0).ToArray<float>());
        Assert.Equal("Scale()", m.ToString());
        Assert.Empty(m.parameters());
    }

    [Fact]
    public void RegistrationRejectsBadAndClashingNames()
    {
        using var net = new Gated();
        Assert.Throws<ArgumentException>(() => net.register_module("a.b", nn.ReLU()));
        Assert.Throws<ArgumentException>(() => net.register_buffer("fc1", zeros(1)));
        Assert.Throws<ArgumentException>(() => net.register_parameter("", null));
    }

    [Fact]
    public void LayersRejectInvalidSettings()
    {
        Assert.Contains("divisible by groups", Assert.Throws<ArgumentException>(() => nn.Conv2d(3, 4, 3, groups: 2)).Message);
        Assert.Throws<ArgumentException>(() => nn.ConvTranspose2d(2, 2, 3, stride: 1, output_padding: 1));
        Assert.Throws<ArgumentException>(() => nn.GroupNorm(3, 4));
        Assert.Throws<ArgumentException>(() => nn.Dropout(1.5));
        Assert.Throws<ArgumentException>(() => nn.Upsample(scale_factor: 2, align_corners: true));
        Assert.Throws<ArgumentException>(() => nn.Embedding(4, 2, padding_idx: 4));
        using var x = zeros(1, 1, 2, 2);
        Assert.Throws<ArgumentException>(() => F.interpolate(x, 2.0, mode: "bicubic"));
        Assert.Throws<ArgumentException>(() => F.pad(x, [1, 1], mode: "mirror"));
        Assert.Contains("reduction", Assert.Throws<ArgumentException>(() => F.mse_loss(x, x, reduction: "avg")).Message);
    }
}
