namespace CourseKit;

public static partial class torch
{
    /// <summary>Element types; the values are c10::ScalarType's (and TorchSharp's).</summary>
    public enum ScalarType
    {
        Byte = 0,
        Int8 = 1,
        Int16 = 2,
        Int32 = 3,
        Int64 = 4,
        Float16 = 5,
        Float32 = 6,
        Float64 = 7,
        Bool = 11,
        BFloat16 = 15,
    }

    public const ScalarType uint8 = ScalarType.Byte;
    public const ScalarType int8 = ScalarType.Int8;
    public const ScalarType int16 = ScalarType.Int16;
    public const ScalarType int32 = ScalarType.Int32;
    public const ScalarType int64 = ScalarType.Int64;
    public const ScalarType float16 = ScalarType.Float16;
    public const ScalarType bfloat16 = ScalarType.BFloat16;
    public const ScalarType float32 = ScalarType.Float32;
    public const ScalarType float64 = ScalarType.Float64;
    public const ScalarType @bool = ScalarType.Bool;

    internal static int ElementSize(this ScalarType type) => type switch
    {
        ScalarType.Byte or ScalarType.Int8 or ScalarType.Bool => 1,
        ScalarType.Int16 or ScalarType.Float16 or ScalarType.BFloat16 => 2,
        ScalarType.Int32 or ScalarType.Float32 => 4,
        ScalarType.Int64 or ScalarType.Float64 => 8,
        _ => throw new ArgumentException($"unsupported dtype {type}"),
    };

    /// <summary>PyTorch's name of a dtype: float32, int64, ...</summary>
    public static string Name(this ScalarType type) => type switch
    {
        ScalarType.Byte => "uint8",
        ScalarType.Bool => "bool",
        _ => type.ToString().ToLowerInvariant(),
    };

    internal static bool IsFloatingPoint(this ScalarType type) =>
        type is ScalarType.Float16 or ScalarType.Float32 or ScalarType.Float64 or ScalarType.BFloat16;

    /// <summary>The dtype that holds a .NET element type.</summary>
    internal static ScalarType ScalarTypeOf(Type elementType) =>
        elementType == typeof(float) ? ScalarType.Float32 :
        elementType == typeof(double) ? ScalarType.Float64 :
        elementType == typeof(long) ? ScalarType.Int64 :
        elementType == typeof(int) ? ScalarType.Int32 :
        elementType == typeof(short) ? ScalarType.Int16 :
        elementType == typeof(byte) ? ScalarType.Byte :
        elementType == typeof(sbyte) ? ScalarType.Int8 :
        elementType == typeof(bool) ? ScalarType.Bool :
        elementType == typeof(Half) ? ScalarType.Float16 :
        throw new ArgumentException($"tensors cannot hold elements of type {elementType.Name}");
}
