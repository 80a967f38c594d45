using System.Text.Json;

namespace CourseKit.Tests.NN;

/// <summary>
/// The PyTorch 1.13 reference values in nn_references.json (written by make_nn_references.py):
/// tensors are stored as {shape, dtype, data}.
/// </summary>
internal static class NNReferences
{
    private const string RelativePath = "tests/CourseKit.Tests/NN/nn_references.json";

    private static readonly Lazy<JsonElement> Root = new(() =>
    {
        using var file = File.OpenRead(Locate());
        return JsonDocument.Parse(file).RootElement.Clone();
    });

    public static JsonElement ModuleCases => Root.Value.GetProperty("modules");
    public static JsonElement FunctionalCases => Root.Value.GetProperty("functional");
    public static JsonElement Init => Root.Value.GetProperty("init");
    public static JsonElement Gains => Root.Value.GetProperty("gains");
    public static JsonElement Repr => Root.Value.GetProperty("repr");

    /// <summary>The names of the cases under <paramref name="section"/>, as xunit theory data.</summary>
    public static IEnumerable<object[]> CaseNames(JsonElement section) =>
        section.EnumerateObject().Select(p => new object[] { p.Name });

    /// <summary>The repository's copy of the file, found from the test binaries upwards.</summary>
    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, RelativePath);
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException($"{RelativePath} was not found above {AppContext.BaseDirectory}");
    }

    public static torch.Tensor Tensor(JsonElement json)
    {
        var shape = json.GetProperty("shape").EnumerateArray().Select(e => e.GetInt64()).ToArray();
        var data = json.GetProperty("data");
        return json.GetProperty("dtype").GetString() switch
        {
            "float32" => tensor(data.EnumerateArray().Select(e => (float)e.GetDouble()).ToArray(), shape),
            "int64" => tensor(data.EnumerateArray().Select(e => e.GetInt64()).ToArray(), shape),
            var other => throw new InvalidDataException($"unexpected dtype {other}"),
        };
    }

    public static Dictionary<string, torch.Tensor> Tensors(JsonElement json) =>
        json.EnumerateObject().ToDictionary(p => p.Name, p => Tensor(p.Value));

    /// <summary>|actual - expected| &lt;= atol + rtol |expected| elementwise, same shape and dtype.</summary>
    public static void AssertClose(torch.Tensor expected, torch.Tensor? actual, string what, double rtol = 1e-5, double atol = 1e-6)
    {
        Assert.NotNull(actual);
        Assert.True(expected.shape.SequenceEqual(actual.shape),
            $"{what}: shape [{string.Join(", ", actual.shape)}], expected [{string.Join(", ", expected.shape)}]");
        Assert.Equal(expected.dtype, actual.dtype);
        using var e = expected.to(float64);
        using var a = actual.detach().to(float64);
        var ev = e.ToArray<double>();
        var av = a.ToArray<double>();
        for (var k = 0; k < ev.Length; k++)
        {
            var error = Math.Abs(av[k] - ev[k]);
            Assert.True(error <= atol + rtol * Math.Abs(ev[k]),
                $"{what}: element {k} is {av[k]:R}, expected {ev[k]:R} (error {error:G3}, allowed {atol + rtol * Math.Abs(ev[k]):G3})");
        }
    }
}
