using static CourseKit.torch;

namespace CourseKit.Native;

/// <summary>
/// One argument of a boxed operator call. Implicit conversions let call sites read like the
/// operator's schema: <c>Dispatch.Tensor("aten::sum", "dim_IntList", self, dims, keepdim)</c>.
/// A name turns it into a keyword argument (<c>Arg.Kw("dtype", ...)</c>).
/// </summary>
internal readonly record struct Arg(int Kind, long I = 0, double D = 0, object? Ref = null, string? Name = null)
{
    public static readonly Arg None = new(CkKind.None);

    public static implicit operator Arg(Tensor? t) => t is null ? None : new(CkKind.Tensor, Ref: t);
    public static implicit operator Arg(long v) => new(CkKind.Int, I: v);
    public static implicit operator Arg(int v) => new(CkKind.Int, I: v);
    public static implicit operator Arg(double v) => new(CkKind.Double, D: v);
    public static implicit operator Arg(bool v) => new(CkKind.Bool, I: v ? 1 : 0);
    public static implicit operator Arg(long[]? v) => v is null ? None : new(CkKind.Ints, Ref: v);
    public static implicit operator Arg(double[]? v) => v is null ? None : new(CkKind.Doubles, Ref: v);
    public static implicit operator Arg(Tensor?[]? v) => v is null ? None : new(CkKind.Tensors, Ref: v);
    public static implicit operator Arg(string? v) => v is null ? None : new(CkKind.String, Ref: v);
    public static implicit operator Arg(ScalarType? v) => v is null ? None : new(CkKind.Int, I: (long)v.Value);
    public static implicit operator Arg(ScalarType v) => new(CkKind.Int, I: (long)v);
    public static implicit operator Arg(long? v) => v is null ? None : new(CkKind.Int, I: v.Value);
    public static implicit operator Arg(double? v) => v is null ? None : new(CkKind.Double, D: v.Value);
    /// <summary>A device, checked first: an unavailable one gets <see cref="DeviceCheck"/>'s message, not a dispatcher error.</summary>
    public static implicit operator Arg(Device? v) => v is null ? None : new(CkKind.String, Ref: DeviceCheck.Available(v).ToString());

    /// <summary>A keyword argument.</summary>
    public static Arg Kw(string name, Arg value) => value with { Name = name };

    /// <summary>How the argument reads in an error message: <c>Tensor[2, 3] float32</c>, <c>[1, 2]</c>, <c>0.5</c>.</summary>
    public string Describe()
    {
        var text = Kind switch
        {
            CkKind.None => "None",
            CkKind.Tensor => ((Tensor)Ref!).Describe(),
            CkKind.Int => I.ToString(System.Globalization.CultureInfo.InvariantCulture),
            CkKind.Double => D.ToString("G6", System.Globalization.CultureInfo.InvariantCulture),
            CkKind.Bool => I != 0 ? "true" : "false",
            CkKind.Ints => "[" + string.Join(", ", (long[])Ref!) + "]",
            CkKind.Doubles => "[" + string.Join(", ", (double[])Ref!) + "]",
            CkKind.Tensors => "[" + string.Join(", ", ((Tensor?[])Ref!).Select(t => t?.Describe() ?? "None")) + "]",
            CkKind.String => "\"" + (string)Ref! + "\"",
            _ => "?",
        };
        return Name is null ? text : $"{Name}={text}";
    }
}
