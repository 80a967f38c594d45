using System.Text.Json;
using Xunit.Abstractions;
using F = CourseKit.torch.nn.functional;

namespace CourseKit.Tests.Parity;

/// <summary>
/// One training-mode forward and backward pass of a small conv net with BatchNorm, started from
/// PyTorch's initial state_dict (goldens.json, "convnet"): logits, cross-entropy loss, the gradient
/// of every parameter and the state after the pass (BatchNorm running statistics and batch counts).
/// </summary>
public sealed class ConvNetParityTests(ITestOutputHelper output)
{
    private static Modules.Sequential Build() => nn.Sequential(
        nn.Conv2d(1, 8, 3, padding: 1),               // (B, 8, 8, 8)
        nn.BatchNorm2d(8),
        nn.ReLU(),
        nn.Conv2d(8, 16, 3, stride: 2, padding: 1),   // (B, 16, 4, 4)
        nn.BatchNorm2d(16),
        nn.ReLU(),
        nn.Flatten(),                                 // (B, 256)
        nn.Linear(16 * 4 * 4, 10))                    // (B, 10)
        .to(ParityDevice.Current);

    private static Dictionary<string, Tensor> Tensors(JsonElement entries) =>
        entries.EnumerateObject().ToDictionary(e => e.Name, e => GoldenTensor.From(e.Value).ToTensor());

    private static GoldenTensor Golden(string name) => GoldenTensor.From(Goldens.ConvNet.GetProperty(name));

    [Fact]
    public void TrainingStepMatchesPyTorch()
    {
        using var scope = NewDisposeScope();
        using var net = Build();
        var golden = Goldens.ConvNet;
        net.load_state_dict(Tensors(golden.GetProperty("initial_state")));
        net.train();

        var x = Golden("input").ToTensor();                      // (8, 1, 8, 8)
        var y = Golden("targets").ToTensor();                    // (8) int64
        var logits = net.call(x);                                // (8, 10)
        var loss = F.cross_entropy(logits, y);
        loss.backward();

        var worst = Compare.Tensor(Golden("logits"), logits, Tolerance.For("float32"), "logits");
        worst = worst.Max(Compare.Tensor(Golden("loss"), loss, Tolerance.For("float32"), "loss"));

        var grads = golden.GetProperty("grads").EnumerateObject().ToDictionary(e => e.Name, e => GoldenTensor.From(e.Value));
        var parameters = net.named_parameters().ToList();
        Assert.Equal(grads.Keys, parameters.Select(p => p.name));
        foreach (var (name, parameter) in parameters)
        {
            var grad = parameter.grad;
            Assert.True(grad is not null, $"parameter {name} received no gradient");
            worst = worst.Max(Compare.Tensor(grads[name], grad, Tolerance.For("float32"), $"grad of {name}"));
        }

        var after = golden.GetProperty("state_after").EnumerateObject().ToDictionary(e => e.Name, e => GoldenTensor.From(e.Value));
        var state = net.state_dict();
        Assert.Equal(after.Keys, state.Keys); // PyTorch's names and order
        foreach (var (name, value) in state)
            worst = worst.Max(Compare.Tensor(after[name], value, Tolerance.For(after[name].Dtype), $"state {name}"));
        output.WriteLine($"conv net: {worst}");
    }

    [Fact]
    public void InitialStateLoadsUnchanged()
    {
        using var scope = NewDisposeScope();
        using var net = Build();
        var initial = Goldens.ConvNet.GetProperty("initial_state");
        net.load_state_dict(Tensors(initial));
        foreach (var (name, value) in net.state_dict())
        {
            var expected = GoldenTensor.From(initial.GetProperty(name));
            Compare.Tensor(expected, value, Tolerance.Exact, $"state {name}");
        }
    }
}
