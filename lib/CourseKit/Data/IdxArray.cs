using static CourseKit.torch;

namespace CourseKit.Data;

/// <summary>
/// The contents of one IDX file: its element type, its dimensions and its values in row-major
/// order, already converted to the machine's byte order. <see cref="Data"/> is a
/// <c>byte[]</c>, <c>sbyte[]</c>, <c>short[]</c>, <c>int[]</c>, <c>float[]</c> or
/// <c>double[]</c> according to <see cref="Type"/>.
/// </summary>
public sealed record IdxArray(IdxType Type, long[] Shape, Array Data)
{
    /// <summary>The values as a typed array; a wrong <typeparamref name="T"/> names the stored type.</summary>
    public T[] As<T>() where T : unmanaged => Data as T[]
        ?? throw new InvalidCastException($"IdxArray.As<{typeof(T).Name}>: the file holds {Type} values ({Data.GetType().GetElementType()!.Name}[])");

    /// <summary>
    /// A tensor of shape <see cref="Shape"/> holding a copy of the values (uint8, int8, int16,
    /// int32, float32 or float64, the dtype matching <see cref="Type"/>).
    /// </summary>
    public Tensor ToTensor() => tensor(Data, Shape);
}
