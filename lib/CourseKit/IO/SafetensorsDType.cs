using static CourseKit.torch;

namespace CourseKit.IO;

/// <summary>The safetensors dtype names and the libtorch dtypes they stand for.</summary>
internal static class SafetensorsDType
{
    private static readonly (string Name, ScalarType Type)[] Table =
    [
        ("F64", ScalarType.Float64), ("F32", ScalarType.Float32), ("F16", ScalarType.Float16), ("BF16", ScalarType.BFloat16),
        ("I64", ScalarType.Int64), ("I32", ScalarType.Int32), ("I16", ScalarType.Int16), ("I8", ScalarType.Int8),
        ("U8", ScalarType.Byte), ("BOOL", ScalarType.Bool),
    ];

    /// <summary>All names, for error messages.</summary>
    public static string Names => string.Join(", ", Table.Select(e => e.Name));

    public static string NameOf(ScalarType type)
    {
        foreach (var (name, t) in Table)
            if (t == type) return name;
        throw new ArgumentException($"safetensors cannot store dtype {type.Name()}");
    }

    public static bool TryParse(string name, out ScalarType type)
    {
        foreach (var (n, t) in Table)
            if (n == name)
            {
                type = t;
                return true;
            }
        type = default;
        return false;
    }
}
