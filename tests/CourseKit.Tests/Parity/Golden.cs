using System.Text.Json;

namespace CourseKit.Tests.Parity;

/// <summary>One tensor stored in goldens.json: flat row-major data, shape and dtype.</summary>
internal sealed record GoldenTensor(long[] Shape, string Dtype, JsonElement Data)
{
    public static GoldenTensor From(JsonElement e) => new(
        e.GetProperty("shape").EnumerateArray().Select(s => s.GetInt64()).ToArray(),
        e.GetProperty("dtype").GetString()!,
        e.GetProperty("data"));

    /// <summary>The stored values widened to double (exact for float32, float64 and int64 up to 2^53).</summary>
    public double[] Values() => Dtype switch
    {
        "float32" => Data.EnumerateArray().Select(v => (double)v.GetSingle()).ToArray(),
        "float64" => Data.EnumerateArray().Select(v => v.GetDouble()).ToArray(),
        "int64" or "bool" => Data.EnumerateArray().Select(v => (double)v.GetInt64()).ToArray(),
        _ => throw new NotSupportedException($"golden dtype {Dtype}"),
    };

    /// <summary>A CourseKit tensor holding exactly the stored values, on <see cref="ParityDevice.Current"/>.</summary>
    public torch.Tensor ToTensor(bool requiresGrad = false)
    {
        using var onCpu = Dtype switch
        {
            "float32" => torch.tensor(Data.EnumerateArray().Select(v => v.GetSingle()).ToArray(), Shape),
            "float64" => torch.tensor(Data.EnumerateArray().Select(v => v.GetDouble()).ToArray(), Shape),
            "int64" => torch.tensor(Data.EnumerateArray().Select(v => v.GetInt64()).ToArray(), Shape),
            "bool" => torch.tensor(Data.EnumerateArray().Select(v => v.GetInt64() != 0).ToArray(), Shape),
            _ => throw new NotSupportedException($"golden dtype {Dtype}"),
        };
        var onDevice = onCpu.to(ParityDevice.Current);   // a leaf: onCpu does not require grad
        return requiresGrad ? onDevice.requires_grad_() : onDevice;
    }
}

/// <summary>The scalar arguments of a golden call (dims, flags, sizes), read by name.</summary>
internal sealed class GoldenArgs(JsonElement args)
{
    private JsonElement Get(string name) => args.TryGetProperty(name, out var v)
        ? v
        : throw new KeyNotFoundException($"the golden case has no argument '{name}'");

    public long Long(string name) => Get(name).GetInt64();

    public double Double(string name) => Get(name).GetDouble();

    public bool Bool(string name) => Get(name).GetBoolean();

    public string String(string name) => Get(name).GetString()!;

    public long[] Longs(string name) => Get(name).EnumerateArray().Select(v => v.GetInt64()).ToArray();
}

/// <summary>One operator case: inputs, arguments, expected outputs and (if differentiable) gradients.</summary>
internal sealed record GoldenCase(
    string Name,
    GoldenArgs Args,
    GoldenTensor[] Inputs,
    GoldenTensor[] Outputs,
    GoldenTensor?[]? Weights,
    GoldenTensor?[]? Grads)
{
    public static GoldenCase From(JsonElement e)
    {
        static GoldenTensor?[]? Optional(JsonElement parent, string name) =>
            parent.TryGetProperty(name, out var list)
                ? list.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Null ? null : GoldenTensor.From(v)).ToArray()
                : null;

        return new(
            e.GetProperty("name").GetString()!,
            new GoldenArgs(e.GetProperty("args")),
            e.GetProperty("inputs").EnumerateArray().Select(GoldenTensor.From).ToArray(),
            e.GetProperty("outputs").EnumerateArray().Select(GoldenTensor.From).ToArray(),
            Optional(e, "weights"),
            Optional(e, "grads"));
    }
}

/// <summary>goldens.json, written by make_goldens.py with PyTorch and copied next to the test assembly.</summary>
internal static class Goldens
{
    private static readonly Lazy<JsonDocument> Document = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Parity", "goldens.json"))));

    public static JsonElement Root => Document.Value.RootElement;

    private static readonly Lazy<Dictionary<string, GoldenCase>> ByName = new(() =>
        Root.GetProperty("cases").EnumerateArray().Select(GoldenCase.From).ToDictionary(c => c.Name));

    public static IReadOnlyDictionary<string, GoldenCase> Cases => ByName.Value;

    public static JsonElement ConvNet => Root.GetProperty("convnet");
}
