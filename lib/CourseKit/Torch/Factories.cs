using System.Runtime.InteropServices;
using CourseKit.Native;

namespace CourseKit;

public static partial class torch
{
    /// <summary>
    /// A tensor holding a copy of <paramref name="data"/>, an array of any rank
    /// (<c>float[]</c>, <c>float[,]</c>, <c>long[,,]</c>, ...); the shape is the array's.
    /// </summary>
    public static Tensor tensor(Array data, ScalarType? dtype = null, Device? device = null, bool requires_grad = false)
    {
        var shape = new long[data.Rank];
        for (var d = 0; d < data.Rank; d++) shape[d] = data.GetLength(d);
        return FromArray(data, shape, dtype, device, requires_grad);
    }

    /// <summary>A tensor of the given <paramref name="shape"/> filled from flat, row-major <paramref name="data"/>.</summary>
    public static Tensor tensor(Array data, long[] shape, ScalarType? dtype = null, Device? device = null, bool requires_grad = false)
    {
        long n = 1;
        foreach (var s in shape) n *= s;
        if (n != data.Length)
            throw new ArgumentException($"tensor: {data.Length} values cannot fill shape [{string.Join(", ", shape)}] ({n} elements)");
        return FromArray(data, shape, dtype, device, requires_grad);
    }

    /// <summary>A zero-dimensional tensor holding one number (float32 unless <paramref name="dtype"/> says otherwise).</summary>
    public static Tensor tensor(double value, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        FromArray(new[] { value }, [], dtype ?? ScalarType.Float32, device, requires_grad);

    public static Tensor tensor(float value, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        FromArray(new[] { value }, [], dtype, device, requires_grad);

    public static Tensor tensor(long value, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        FromArray(new[] { value }, [], dtype, device, requires_grad);

    private static unsafe Tensor FromArray(Array data, long[] shape, ScalarType? dtype, Device? device, bool requiresGrad)
    {
        var elementType = data.GetType().GetElementType()!;
        if (elementType == typeof(bool))
        {
            var bytes = new byte[data.Length];
            var k = 0;
            foreach (bool b in data) bytes[k++] = b ? (byte)1 : (byte)0;
            using var asBytes = FromArray(bytes, shape, null, null, false);
            return Finish(asBytes.to(ScalarType.Bool), dtype, device, requiresGrad);
        }
        var type = ScalarTypeOf(elementType);
        var pin = GCHandle.Alloc(data, GCHandleType.Pinned);
        try
        {
            IntPtr handle;
            fixed (long* s = shape)
                NativeMethods.Check(NativeMethods.ck_tensor_from_data((void*)pin.AddrOfPinnedObject(), (int)type, s,
                    shape.Length, 0, -1, out handle), $"tensor({elementType.Name}[{string.Join(", ", shape)}])");
            return Finish(new Tensor(handle), dtype, device, requiresGrad);
        }
        finally
        {
            pin.Free();
        }
    }

    private static Tensor Finish(Tensor t, ScalarType? dtype, Device? device, bool requiresGrad)
    {
        if ((dtype is not null && dtype != t.dtype) || (device is not null && device.type != DeviceType.CPU))
        {
            var moved = t.to(dtype ?? t.dtype, device ?? CPU);
            t.Dispose();
            t = moved;
        }
        return requiresGrad ? t.requires_grad_() : t;
    }

    private static Tensor Creation(string name, string overload, Arg[] args, ScalarType? dtype, Device? device, bool requiresGrad)
    {
        var t = Dispatch.Tensor(name, overload, [.. args, Arg.Kw("dtype", dtype), Arg.Kw("device", device)]);
        return requiresGrad ? t.requires_grad_() : t;
    }

    public static Tensor zeros(long[] size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        Creation("aten::zeros", "", [size], dtype, device, requires_grad);

    public static Tensor zeros(params long[] size) => zeros(size, null);

    public static Tensor ones(long[] size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        Creation("aten::ones", "", [size], dtype, device, requires_grad);

    public static Tensor ones(params long[] size) => ones(size, null);

    public static Tensor empty(long[] size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        Creation("aten::empty", "memory_format", [size], dtype, device, requires_grad);

    public static Tensor full(long[] size, double value, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        Creation("aten::full", "", [size, value], dtype ?? ScalarType.Float32, device, requires_grad);

    /// <summary>Uniform samples on [0, 1).</summary>
    public static Tensor rand(long[] size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        Creation("aten::rand", "", [size], dtype, device, requires_grad);

    public static Tensor rand(params long[] size) => rand(size, null);

    /// <summary>Standard normal samples.</summary>
    public static Tensor randn(long[] size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        Creation("aten::randn", "", [size], dtype, device, requires_grad);

    public static Tensor randn(params long[] size) => randn(size, null);

    /// <summary>Integers drawn uniformly from [0, <paramref name="high"/>), int64 by default.</summary>
    public static Tensor randint(long high, long[] size, ScalarType? dtype = null, Device? device = null) =>
        Creation("aten::randint", "", [high, size], dtype ?? ScalarType.Int64, device, false);

    /// <summary>Integers drawn uniformly from [<paramref name="low"/>, <paramref name="high"/>).</summary>
    public static Tensor randint(long low, long high, long[] size, ScalarType? dtype = null, Device? device = null) =>
        Creation("aten::randint", "low", [low, high, size], dtype ?? ScalarType.Int64, device, false);

    /// <summary>A random permutation of 0 … n − 1 (int64), from libtorch's generator: the same as PyTorch's for the same seed.</summary>
    public static Tensor randperm(long n, ScalarType? dtype = null, Device? device = null) =>
        Creation("aten::randperm", "", [n], dtype ?? ScalarType.Int64, device, false);

    /// <summary>Evenly spaced values in [start, end) with the given step (int64 when all three are integers).</summary>
    public static Tensor arange(double start, double end, double step = 1, ScalarType? dtype = null, Device? device = null) =>
        Creation("aten::arange", "start_step", [start, end, step], dtype ?? ScalarType.Float32, device, false);

    public static Tensor arange(long start, long end, long step = 1, ScalarType? dtype = null, Device? device = null) =>
        Creation("aten::arange", "start_step", [start, end, step], dtype, device, false);

    public static Tensor arange(long end, ScalarType? dtype = null, Device? device = null) =>
        Creation("aten::arange", "", [end], dtype, device, false);

    /// <summary><paramref name="steps"/> evenly spaced values from start to end, both included.</summary>
    public static Tensor linspace(double start, double end, long steps, ScalarType? dtype = null, Device? device = null) =>
        Creation("aten::linspace", "", [start, end, steps], dtype, device, false);

    /// <summary>The n x m identity matrix (m = n by default).</summary>
    public static Tensor eye(long n, long? m = null, ScalarType? dtype = null, Device? device = null) =>
        m is null
            ? Creation("aten::eye", "", [n], dtype, device, false)
            : Creation("aten::eye", "m", [n, m.Value], dtype, device, false);

    private static Tensor Like(string name, Tensor input, ScalarType? dtype, Device? device, bool requiresGrad, params Arg[] extra) =>
        Creation(name, "", [input, .. extra], dtype ?? input.dtype, device ?? input.device, requiresGrad);

    public static Tensor zeros_like(Tensor input, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        Like("aten::zeros_like", input, dtype, device, requires_grad);

    public static Tensor ones_like(Tensor input, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        Like("aten::ones_like", input, dtype, device, requires_grad);

    public static Tensor empty_like(Tensor input, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        Like("aten::empty_like", input, dtype, device, requires_grad);

    public static Tensor full_like(Tensor input, double value, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        Like("aten::full_like", input, dtype, device, requires_grad, value);

    public static Tensor rand_like(Tensor input, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        Like("aten::rand_like", input, dtype, device, requires_grad);

    public static Tensor randn_like(Tensor input, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        Like("aten::randn_like", input, dtype, device, requires_grad);

    /// <summary>
    /// Draws <paramref name="num_samples"/> category indices per row from the (unnormalised)
    /// probabilities in <paramref name="input"/> (shape (C) or (B, C)).
    /// </summary>
    public static Tensor multinomial(Tensor input, long num_samples, bool replacement = false) =>
        Dispatch.Tensor("aten::multinomial", "", input, num_samples, replacement);

    /// <summary>Samples 0/1 with probabilities <paramref name="input"/>.</summary>
    public static Tensor bernoulli(Tensor input) => Dispatch.Tensor("aten::bernoulli", "", input);
}
