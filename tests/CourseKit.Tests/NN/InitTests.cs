using static CourseKit.Tests.NN.NNReferences;

namespace CourseKit.Tests.NN;

/// <summary>
/// With PyTorch's seed, the default initialisations of the layers and the nn.init functions draw
/// exactly PyTorch's numbers (the same generator, the same calls in the same order).
/// </summary>
[Collection(nameof(SeededRandomCollection))]
public sealed class InitTests
{
    private static readonly Dictionary<string, Func<nn.Module>> Layers = new()
    {
        ["Linear"] = () => nn.Linear(5, 3),
        ["Conv2d"] = () => nn.Conv2d(3, 4, 3),
        ["ConvTranspose2d"] = () => nn.ConvTranspose2d(4, 2, 4, groups: 2),
        ["Embedding"] = () => nn.Embedding(6, 3, padding_idx: 2),
    };

    private static readonly Dictionary<string, Action<torch.Tensor>> Initialisers = new()
    {
        ["xavier_uniform_"] = t => nn.init.xavier_uniform_(t, gain: 2.0),
        ["xavier_normal_"] = t => nn.init.xavier_normal_(t),
        ["kaiming_uniform_"] = t => nn.init.kaiming_uniform_(t, a: 0.1, mode: "fan_out"),
        ["kaiming_normal_"] = t => nn.init.kaiming_normal_(t, mode: "fan_out", nonlinearity: "relu"),
        ["normal_"] = t => nn.init.normal_(t, 1.0, 0.5),
        ["uniform_"] = t => nn.init.uniform_(t, -2.0, 3.0),
    };

    public static IEnumerable<object[]> LayerNames => Layers.Keys.Select(k => new object[] { k });

    public static IEnumerable<object[]> InitialiserNames => Initialisers.Keys.Select(k => new object[] { k });

    [Theory]
    [MemberData(nameof(LayerNames))]
    public void DefaultInitialisationMatchesPyTorch(string name)
    {
        using var scope = NewDisposeScope();
        manual_seed(7);
        using var layer = Layers[name]();
        var expected = Tensors(Init.GetProperty(name));
        var state = layer.state_dict();
        Assert.Equal(expected.Keys, state.Keys);
        foreach (var (key, value) in expected)
            AssertClose(value, state[key], $"{name}.{key}", rtol: 1e-6, atol: 1e-7);
    }

    [Theory]
    [MemberData(nameof(InitialiserNames))]
    public void InitialiserMatchesPyTorch(string name)
    {
        using var scope = NewDisposeScope();
        manual_seed(11);
        var t = empty([4, 3, 2, 2]);
        Initialisers[name](t);
        AssertClose(Tensor(Init.GetProperty(name).GetProperty("tensor")), t, name, rtol: 1e-6, atol: 1e-7);
    }

    [Fact]
    public void InitialisersWorkOnParametersAndReturnTheirTensor()
    {
        using var scope = NewDisposeScope();
        manual_seed(3);
        using var p = new nn.Parameter(empty([3, 4]));
        Assert.Same(p, nn.init.kaiming_normal_(p));
        Assert.Same(p, nn.init.zeros_(p));
        Assert.Equal(0f, p.abs().sum().item<float>());
        Assert.Same(p, nn.init.ones_(p));
        Assert.Equal(12f, p.sum().item<float>());
        Assert.Same(p, nn.init.constant_(p, 0.25));
        Assert.Equal(3f, p.sum().item<float>());
        Assert.True(p.requires_grad && p.is_leaf);
    }

    [Fact]
    public void TrainingModeDropoutZeroesAboutPAndRescalesTheRest()
    {
        using var scope = NewDisposeScope();
        manual_seed(5);
        using var dropout = nn.Dropout(0.25);
        var x = ones([100_000]);
        var values = dropout.call(x).ToArray<float>();
        var zeroFraction = values.Count(v => v == 0) / (double)values.Length;
        Assert.InRange(zeroFraction, 0.245, 0.255);   // binomial sd ~0.0014
        Assert.All(values.Where(v => v != 0), v => Assert.Equal(1 / 0.75f, v, 6));
    }

    [Fact]
    public void GainsMatchPyTorch()
    {
        Assert.Equal(Gains.GetProperty("linear").GetDouble(), nn.init.calculate_gain("linear"), 12);
        Assert.Equal(Gains.GetProperty("tanh").GetDouble(), nn.init.calculate_gain("tanh"), 12);
        Assert.Equal(Gains.GetProperty("relu").GetDouble(), nn.init.calculate_gain("relu"), 12);
        Assert.Equal(Gains.GetProperty("leaky_relu").GetDouble(), nn.init.calculate_gain("leaky_relu"), 12);
        Assert.Equal(Gains.GetProperty("leaky_relu_0.2").GetDouble(), nn.init.calculate_gain("leaky_relu", 0.2), 12);
        Assert.Equal(Gains.GetProperty("selu").GetDouble(), nn.init.calculate_gain("selu"), 12);
    }

    [Fact]
    public void FanNeedsTwoDimensionsAndKnownModes()
    {
        using var v = empty([5]);
        Assert.Contains("at least 2 dimensions", Assert.Throws<ArgumentException>(() => nn.init.xavier_uniform_(v)).Message);
        using var w = empty([5, 3]);
        Assert.Contains("fan_in", Assert.Throws<ArgumentException>(() => nn.init.kaiming_uniform_(w, mode: "fan_avg")).Message);
        Assert.Contains("swish", Assert.Throws<ArgumentException>(() => nn.init.calculate_gain("swish")).Message);
    }
}
