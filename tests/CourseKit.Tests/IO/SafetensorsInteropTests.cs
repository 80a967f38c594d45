using System.Text.Json;

namespace CourseKit.Tests.IO;

/// <summary>
/// Files move between CourseKit and PyTorch: read_safetensors.py, an independent reader/writer
/// written from the format description (not the safetensors package), checks CourseKit's files
/// and writes files CourseKit reads.
/// </summary>
public sealed class SafetensorsInteropTests
{
    private static readonly string Script = Path.Combine(AppContext.BaseDirectory, "IO", "read_safetensors.py");
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    private static readonly string[] Dtypes = ["F64", "F32", "F16", "BF16", "I64", "I32", "I16", "I8", "U8", "BOOL"];

    private static readonly Dictionary<string, ScalarType> Types = new()
    {
        ["F64"] = float64, ["F32"] = float32, ["F16"] = float16, ["BF16"] = bfloat16, ["I64"] = int64,
        ["I32"] = int32, ["I16"] = int16, ["I8"] = int8, ["U8"] = uint8, ["BOOL"] = @bool,
    };

    /// <summary>Element i of the test tensor of dtype number k: quarters or small integers, exact in that dtype.</summary>
    private static double Value(string dtype, int k, int i) => dtype switch
    {
        "BOOL" => i % 2,
        "U8" => i * 40,
        "F64" or "F32" or "F16" or "BF16" => (i - 2) * 0.25 * (k + 1),
        _ => (i - 2) * 3 * (k + 1),
    };

    [PythonTorchFact]
    public void PythonReadsWhatCourseKitWrites()
    {
        using var scope = NewDisposeScope();
        using var folder = new TempFolder();
        var tensors = new Dictionary<string, Tensor>();
        var expected = new Dictionary<string, object>();
        for (var k = 0; k < Dtypes.Length; k++)
        {
            var values = Enumerable.Range(0, 6).Select(i => Value(Dtypes[k], k, i)).ToArray();
            long[] shape = k % 3 == 0 ? [6] : k % 3 == 1 ? [2, 3] : [3, 1, 2];
            using var source = tensor(values, shape, dtype: float64);
            tensors["t_" + Dtypes[k]] = source.to(Types[Dtypes[k]]);
            expected["t_" + Dtypes[k]] = new { dtype = Dtypes[k], shape, values };
        }
        tensors["scalar"] = tensor(-1.75, dtype: float32);
        expected["scalar"] = new { dtype = "F32", shape = Array.Empty<long>(), values = new[] { -1.75 } };
        tensors["empty"] = zeros([0, 3], dtype: int32);
        expected["empty"] = new { dtype = "I32", shape = new long[] { 0, 3 }, values = Array.Empty<double>() };
        using (var big = arange(20).reshape(4, 5))
        {
            tensors["noncontiguous"] = big.t();                                          // (5, 4) view
            expected["noncontiguous"] = new
            {
                dtype = "I64", shape = new long[] { 5, 4 },
                values = Enumerable.Range(0, 20).Select(i => (double)(i % 4 * 5 + i / 4)).ToArray(),
            };
        }
        var metadata = new Dictionary<string, string> { ["format"] = "pt", ["author"] = "Zoë" };

        var file = folder.File("from_coursekit.safetensors");
        save(tensors, file, metadata);
        var json = folder.File("expected.json");
        File.WriteAllText(json, JsonSerializer.Serialize(new { metadata, tensors = expected }));

        var (code, output) = PythonTorchFactAttribute.Run([Script, "check", file, json], Timeout);
        Assert.True(code == 0, $"read_safetensors.py check failed ({code}):\n{output}");
    }

    [PythonTorchFact]
    public void CourseKitReadsWhatPythonWrites()
    {
        using var folder = new TempFolder();
        var file = folder.File("from_python.safetensors");
        var (code, output) = PythonTorchFactAttribute.Run([Script, "write", file], Timeout);
        Assert.True(code == 0, $"read_safetensors.py write failed ({code}):\n{output}");

        using var scope = NewDisposeScope();
        var loaded = load(file);
        // The same formulas as expected_from_formula() in read_safetensors.py; k = 0..5.
        var k6 = Enumerable.Range(0, 6).Select(k => (double)k).ToArray();
        Tensor Make(Func<double, double> f, ScalarType type, params long[] shape)
        {
            using var t = tensor(k6.Select(f).ToArray(), [6], dtype: float64);
            using var shaped = t.reshape(shape);
            return shaped.to(type);
        }
        var expected = new Dictionary<string, Tensor>
        {
            ["z_f64"] = Make(k => k / 8 - 0.25, float64, 2, 3),
            ["y_f32"] = Make(k => k * 0.5 - 1, float32, 3, 2),
            ["x_f16"] = Make(k => k * 0.25 - 0.5, float16, 6),
            ["w_bf16"] = Make(k => k * 2 - 3, bfloat16, 2, 1, 3),
            ["v_i64"] = Make(k => k * 1000000007 - 3, int64, 6, 1),
            ["u_i32"] = Make(k => k * 7 - 20, int32, 6),
            ["t_i16"] = Make(k => k * 300 - 900, int16, 6),
            ["s_i8"] = Make(k => k * 20 - 60, int8, 6),
            ["r_u8"] = Make(k => k * 50, uint8, 6),
            ["q_bool"] = Make(k => k % 3 == 0 ? 1 : 0, @bool, 3, 2),
            ["p_scalar"] = tensor(2.5, dtype: float32),
            ["o_empty"] = zeros([0, 4]),
        };
        Assert.Equal(expected.Keys.Order(), loaded.Keys.Order());
        foreach (var (name, t) in expected) SafetensorsTests.AssertSame(t, loaded[name], name);
        Assert.Equal(new Dictionary<string, string> { ["writer"] = "read_safetensors.py", ["note"] = "Grüße" }, Safetensors.ReadMetadata(file));
    }
}
