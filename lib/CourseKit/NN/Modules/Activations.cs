using static CourseKit.torch;

namespace CourseKit.Modules;

/// <summary>max(0, x).</summary>
public sealed class ReLU : nn.Module<Tensor, Tensor>
{
    public override Tensor forward(Tensor input) => nn.functional.relu(input);
}

/// <summary>x for x &gt;= 0, negative_slope * x otherwise.</summary>
public sealed class LeakyReLU(double negative_slope = 0.01) : nn.Module<Tensor, Tensor>
{
    public double negative_slope { get; } = negative_slope;

    public override Tensor forward(Tensor input) => nn.functional.leaky_relu(input, negative_slope);

    protected override string extra_repr() => $"negative_slope={Py(negative_slope)}";
}

/// <summary>x * Phi(x) ("none") or its tanh approximation ("tanh"); Hendrycks and Gimpel, 2016.</summary>
public sealed class GELU : nn.Module<Tensor, Tensor>
{
    public GELU(string approximate = "none")
    {
        if (approximate is not ("none" or "tanh"))
            throw new ArgumentException($"GELU: approximate must be \"none\" or \"tanh\", got \"{approximate}\"");
        this.approximate = approximate;
    }

    public string approximate { get; }

    public override Tensor forward(Tensor input) => nn.functional.gelu(input, approximate);

    protected override string extra_repr() => $"approximate='{approximate}'";
}

/// <summary>x * sigmoid(x).</summary>
public sealed class SiLU : nn.Module<Tensor, Tensor>
{
    public override Tensor forward(Tensor input) => nn.functional.silu(input);
}

public sealed class Tanh : nn.Module<Tensor, Tensor>
{
    public override Tensor forward(Tensor input) => input.tanh();
}

/// <summary>1 / (1 + exp(-x)).</summary>
public sealed class Sigmoid : nn.Module<Tensor, Tensor>
{
    public override Tensor forward(Tensor input) => input.sigmoid();
}
