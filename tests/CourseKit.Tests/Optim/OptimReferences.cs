using System.Text.Json;

namespace CourseKit.Tests.Optim;

/// <summary>
/// The PyTorch 1.13 numbers in optim_references.json (made by make_optim_references.py, next to
/// this file), read once.
/// </summary>
internal static class OptimReferences
{
    private static readonly Lazy<JsonElement> Root = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Optim", "optim_references.json"))).RootElement);

    public static JsonElement Case(string section, string name) =>
        Root.Value.GetProperty(section).EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);

    public static TheoryData<string> Names(string section)
    {
        var data = new TheoryData<string>();
        foreach (var c in Root.Value.GetProperty(section).EnumerateArray()) data.Add(c.GetProperty("name").GetString()!);
        return data;
    }

    public static float[] Floats(JsonElement values) => values.EnumerateArray().Select(v => (float)v.GetDouble()).ToArray();

    public static long[] Shape(JsonElement shape) => shape.EnumerateArray().Select(v => v.GetInt64()).ToArray();

    /// <summary>Asserts |actual - expected| &lt;= atol + rtol |expected| elementwise, naming the place.</summary>
    public static void Close(float[] expected, float[] actual, double rtol, double atol, string where)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var k = 0; k < expected.Length; k++)
        {
            var tolerance = atol + rtol * Math.Abs(expected[k]);
            Assert.True(Math.Abs(actual[k] - expected[k]) <= tolerance,
                $"{where}[{k}]: expected {expected[k]:R}, got {actual[k]:R} (tolerance {tolerance:G3})");
        }
    }
}
