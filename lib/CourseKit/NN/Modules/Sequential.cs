using System.Globalization;
using CourseKit.Native;
using static CourseKit.torch;

namespace CourseKit.Modules;

/// <summary>
/// Applies its modules in order, each to the previous one's output. Modules are named "0", "1", ...
/// or by the names given. Intermediate outputs are disposed as soon as the next module has consumed
/// them (autograd keeps what backward needs), so a module inside a Sequential must not keep a
/// reference to its input tensor object.
/// </summary>
public sealed class Sequential : nn.Module<Tensor, Tensor>
{
    private readonly List<nn.Module<Tensor, Tensor>> layers = [];

    public Sequential(IEnumerable<nn.Module<Tensor, Tensor>> modules)
    {
        foreach (var m in modules) append(m);
    }

    public Sequential(IEnumerable<(string name, nn.Module<Tensor, Tensor> module)> modules)
    {
        foreach (var (name, m) in modules) append(name, m);
    }

    /// <summary>How many modules the sequence holds.</summary>
    public int Count => layers.Count;

    /// <summary>The module at <paramref name="index"/> (in order of application).</summary>
    public nn.Module<Tensor, Tensor> this[int index] => layers[index];

    /// <summary>Adds <paramref name="module"/> at the end, named by its position.</summary>
    public Sequential append(nn.Module<Tensor, Tensor> module) =>
        append(layers.Count.ToString(CultureInfo.InvariantCulture), module);

    /// <summary>Adds <paramref name="module"/> at the end under <paramref name="name"/>.</summary>
    public Sequential append(string name, nn.Module<Tensor, Tensor> module)
    {
        if (named_children().Any(c => c.name == name))
            throw new ArgumentException($"Sequential: a module named \"{name}\" is already in the sequence");
        register_module(name, module);
        layers.Add(module);
        return this;
    }

    public override Tensor forward(Tensor input)
    {
        if (layers.Count == 0) return Dispatch.Tensor("aten::alias", "", input);
        var x = input;
        foreach (var layer in layers)
        {
            var y = layer.call(x);
            if (!ReferenceEquals(x, input) && !ReferenceEquals(x, y)) x.Dispose();
            x = y;
        }
        return x;
    }
}
