using System.Text.Json;
using static CourseKit.Tests.Optim.OptimReferences;

namespace CourseKit.Tests.Optim;

public sealed class OptimizerTests
{
    private const double Rtol = 1e-5;
    private const double Atol = 1e-6;

    public static TheoryData<string> Cases => Names("optimizers");

    /// <summary>Builds the optimizer a reference case describes, with its keyword arguments.</summary>
    private static optim.Optimizer Create(JsonElement c, Tensor[] parameters)
    {
        var kw = c.GetProperty("kwargs");
        double D(string name, double fallback) => kw.TryGetProperty(name, out var v) ? v.GetDouble() : fallback;
        bool B(string name) => kw.TryGetProperty(name, out var v) && v.GetBoolean();
        var lr = kw.GetProperty("lr").GetDouble();
        return c.GetProperty("class").GetString() switch
        {
            "SGD" => optim.SGD(parameters, lr, D("momentum", 0), D("dampening", 0), D("weight_decay", 0), B("nesterov")),
            "Adam" => optim.Adam(parameters, lr, D("beta1", 0.9), D("beta2", 0.999), D("eps", 1e-8), D("weight_decay", 0), B("amsgrad")),
            "AdamW" => optim.AdamW(parameters, lr, D("beta1", 0.9), D("beta2", 0.999), D("eps", 1e-8), D("weight_decay", 1e-2), B("amsgrad")),
            "RMSprop" => optim.RMSprop(parameters, lr, D("alpha", 0.99), D("eps", 1e-8), D("weight_decay", 0), D("momentum", 0), B("centered")),
            var other => throw new InvalidOperationException($"unknown optimizer {other}"),
        };
    }

    private static Tensor[] InitialParameters(JsonElement c)
    {
        var shapes = c.GetProperty("shapes").EnumerateArray().Select(Shape).ToArray();
        return c.GetProperty("initial").EnumerateArray()
            .Select((values, k) => (Tensor)new nn.Parameter(tensor(Floats(values), shapes[k])))
            .ToArray();
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void FollowsPyTorchTrajectory(string name)
    {
        var c = Case("optimizers", name);
        var parameters = InitialParameters(c);
        try
        {
            using var opt = Create(c, parameters);
            var shapes = parameters.Select(p => p.shape).ToArray();
            var expected = c.GetProperty("expected").EnumerateArray().ToArray();
            var grads = c.TryGetProperty("grads", out var g) ? g.EnumerateArray().ToArray() : null;
            for (var step = 0; step < expected.Length; step++)
            {
                using (var scope = NewDisposeScope())
                {
                    if (grads is null) BackwardOfLoss(c, parameters);
                    else
                    {
                        var stepGrads = grads[step].EnumerateArray().ToArray();
                        for (var k = 0; k < parameters.Length; k++)
                            parameters[k].grad = stepGrads[k].ValueKind == JsonValueKind.Null ? null : tensor(Floats(stepGrads[k]), shapes[k]);
                    }
                    opt.step();
                }
                var after = expected[step].EnumerateArray().ToArray();
                for (var k = 0; k < parameters.Length; k++)
                    Close(Floats(after[k]), parameters[k].ToArray<float>(), Rtol, Atol, $"{name} step {step + 1} parameter {k}");
            }
        }
        finally
        {
            foreach (var p in parameters) p.Dispose();
        }
    }

    /// <summary>loss = sum((W x + b - y)^2), as in the "adam_loss" reference case.</summary>
    private static void BackwardOfLoss(JsonElement c, Tensor[] parameters)
    {
        using var x = tensor(Floats(c.GetProperty("x")), [4, 2]);   // (4, 2)
        using var y = tensor(Floats(c.GetProperty("y")), [3, 2]);   // (3, 2)
        foreach (var p in parameters) p.grad = null;
        var w = parameters[0];                                       // (3, 4)
        var b = parameters[1].unsqueeze(1);                          // (3, 1)
        var loss = (w.matmul(x) + b - y).square().sum();
        loss.backward();
    }

    [Fact]
    public void SkippedParametersKeepTheirStateAndStepCount()
    {
        using var w = new nn.Parameter(ones(2, 2));
        using var b = new nn.Parameter(ones(2));
        using var opt = optim.Adam([w, b], lr: 0.1);
        w.grad = ones(2, 2);
        opt.step();
        Assert.Equal(new long[] { 1, 0 }, opt.Steps);
        using var unchanged = ones(2);
        Assert.True(b.allclose(unchanged, 0, 0));
        b.grad = ones(2);
        opt.step();
        Assert.Equal(new long[] { 2, 1 }, opt.Steps);
    }

    [Fact]
    public void ZeroGradClearsOrZeros()
    {
        using var w = new nn.Parameter(ones(3));
        using var opt = optim.SGD([w], lr: 0.1);
        w.grad = full([3], 2.0);
        opt.zero_grad(set_to_none: false);
        using (var g = w.grad!) Assert.Equal(new float[] { 0, 0, 0 }, g.ToArray<float>());
        opt.zero_grad();
        Assert.Null(w.grad);
        opt.step(); // nothing to do
        Assert.Equal(new float[] { 1, 1, 1 }, w.ToArray<float>());
    }

    [Fact]
    public void StepReleasesItsTemporaries()
    {
        using var w = new nn.Parameter(ones(4, 4));
        using var opt = optim.Adam([w], lr: 0.01, weight_decay: 0.1, amsgrad: true);
        using var scope = NewDisposeScope();
        w.grad = ones(4, 4);
        var before = scope.Count;
        opt.step();
        opt.step();
        Assert.Equal(before, scope.Count);
    }

    [Fact]
    public void StepDoesNotRecordAutogradOrTouchGradients()
    {
        using var w = new nn.Parameter(ones(3));
        using var opt = optim.SGD([w], lr: 0.5, momentum: 0.9, weight_decay: 0.1, nesterov: true);
        w.grad = full([3], 2.0);
        opt.step();
        Assert.True(w.is_leaf);
        Assert.True(w.requires_grad);
        using var g = w.grad!;
        Assert.Equal(new float[] { 2, 2, 2 }, g.ToArray<float>());
    }

    [Fact]
    public void WrongSettingsNameTheOptimizer()
    {
        using var w = new nn.Parameter(ones(3));
        Assert.Contains("SGD", Assert.Throws<ArgumentOutOfRangeException>(() => optim.SGD([w], lr: -1)).Message);
        Assert.Contains("Nesterov", Assert.Throws<ArgumentException>(() => optim.SGD([w], lr: 0.1, nesterov: true)).Message);
        Assert.Contains("Adam: invalid beta2", Assert.Throws<ArgumentOutOfRangeException>(() => optim.Adam([w], beta2: 1.0)).Message);
        Assert.Contains("AdamW: invalid eps", Assert.Throws<ArgumentOutOfRangeException>(() => optim.AdamW([w], eps: -1)).Message);
        Assert.Contains("RMSprop: invalid momentum", Assert.Throws<ArgumentOutOfRangeException>(() => optim.RMSprop([w], momentum: -0.5)).Message);
        Assert.Contains("empty parameter list", Assert.Throws<ArgumentException>(() => optim.Adam([])).Message);
        Assert.Contains("more than once", Assert.Throws<ArgumentException>(() => optim.Adam([w, w])).Message);
        using var x = ones([3], requires_grad: true);
        using var y = x * 2;
        Assert.Contains("not a leaf", Assert.Throws<ArgumentException>(() => optim.Adam([y])).Message);
        using var opt = optim.Adam([w]);
        Assert.Throws<ArgumentOutOfRangeException>(() => opt.LearningRate = double.NaN);
    }

    [Fact]
    public void DisposedOptimizerRefusesToStep()
    {
        using var w = new nn.Parameter(ones(3));
        var opt = optim.RMSprop([w], momentum: 0.5, centered: true);
        w.grad = ones(3);
        opt.step();
        opt.Dispose();
        Assert.Throws<ObjectDisposedException>(() => opt.step());
    }
}
