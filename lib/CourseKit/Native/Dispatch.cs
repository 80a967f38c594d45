using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using static CourseKit.torch;

namespace CourseKit.Native;

/// <summary>
/// Calls any ATen operator by name through libtorch's dispatcher (one generic boxed call; the
/// operator handle is looked up once and cached). Adding an operator to the C# API costs one line.
/// Errors become a <see cref="TorchException"/> that names the operator and its arguments.
/// </summary>
internal static unsafe class Dispatch
{
    private const int MaxOutputs = 8;
    private static readonly ConcurrentDictionary<(string, string), IntPtr> Operators = new();
    private static readonly ConcurrentDictionary<string, IntPtr> Names = new();

    /// <summary>A per-thread list for the handles a call holds references on (reused: no allocation per call).</summary>
    [ThreadStatic] private static List<TensorHandle>? spareLeases;

    /// <summary>Calls an operator that returns one tensor.</summary>
    public static Tensor Tensor(string name, string overload, params Arg[] args)
    {
        var outs = Call(name, overload, args);
        return outs.Length == 1 && outs[0] is Tensor t
            ? t
            : throw new InvalidOperationException($"{name}.{overload} did not return one tensor");
    }

    /// <summary>Calls an operator that returns several tensors, or a list of tensors.</summary>
    public static Tensor[] Tensors(string name, string overload, params Arg[] args)
    {
        var outs = Call(name, overload, args);
        if (outs.Length == 1 && outs[0] is Tensor[] list) return list;
        return outs.Select(o => o as Tensor ?? throw new InvalidOperationException($"{name}.{overload} returned a non-tensor")).ToArray();
    }

    /// <summary>Calls an in-place operator (name ending in '_') on <paramref name="self"/> and returns it.</summary>
    public static Tensor InPlace(Tensor self, string name, string overload, params Arg[] args)
    {
        foreach (var o in Call(name, overload, [self, .. args]))
            (o as Tensor)?.Dispose();
        return self;
    }

    /// <summary>
    /// Calls an operator; results are Tensor, Tensor[], long, double, bool or null, in schema order.
    /// </summary>
    public static object?[] Call(string name, string overload, Arg[] args)
    {
        var op = Operators.GetOrAdd((name, overload), static key =>
        {
            NativeMethods.Check(NativeMethods.ck_op_find(key.Item1, key.Item2, out var handle),
                $"looking up {key.Item1}.{key.Item2}");
            return handle;
        });

        var values = stackalloc CkValue[args.Length];
        var outs = stackalloc CkValue[MaxOutputs];
        List<GCHandle>? pins = null;
        List<IntPtr>? strings = null;
        // Every tensor argument's handle is referenced until the call returns, so neither its finalizer
        // nor a Dispose on another thread frees it while libtorch reads it.
        var leases = spareLeases ?? [];
        spareLeases = null;
        try
        {
            for (var k = 0; k < args.Length; k++)
                values[k] = ToNative(args[k], name, k, leases, ref pins, ref strings);
            var status = NativeMethods.ck_op_call(op, values, args.Length, GradMode.IsEnabled ? 1 : 0,
                outs, MaxOutputs, out var count);
            if (status != 0)
                throw new TorchException(Signature(name, overload, args), NativeMethods.LastError());
            var results = new object?[count];
            for (var k = 0; k < count; k++) results[k] = FromNative(outs[k]);
            return results;
        }
        finally
        {
            foreach (var lease in leases) lease.DangerousRelease();
            leases.Clear();
            spareLeases = leases;
            if (pins is not null) foreach (var pin in pins) pin.Free();
            if (strings is not null) foreach (var s in strings) Marshal.FreeCoTaskMem(s);
        }
    }

    /// <summary><c>aten::mm(Tensor[2, 3] float32, Tensor[4, 5] float32)</c>.</summary>
    internal static string Signature(string name, string overload, Arg[] args) =>
        $"{name}{(overload.Length > 0 ? "." + overload : "")}({string.Join(", ", args.Select(a => a.Describe()))})";

    private static CkValue ToNative(in Arg arg, string op, int position, List<TensorHandle> leases,
        ref List<GCHandle>? pins, ref List<IntPtr>? strings)
    {
        var v = new CkValue { Kind = arg.Kind, I = arg.I, D = arg.D };
        if (arg.Name is not null)
            v.Name = Names.GetOrAdd(arg.Name, static n => Marshal.StringToCoTaskMemUTF8(n));
        switch (arg.Ref)
        {
            case Tensor t:
                v.P = Lease(t, op, position, leases);
                break;
            case long[] ints:
                v.Count = ints.Length;
                v.P = Pin(ints, ref pins);
                break;
            case double[] doubles:
                v.Count = doubles.Length;
                v.P = Pin(doubles, ref pins);
                break;
            case Tensor?[] tensors:
                var handles = new IntPtr[tensors.Length];
                for (var k = 0; k < tensors.Length; k++)
                    handles[k] = tensors[k] is { } element ? Lease(element, op, position, leases) : IntPtr.Zero;
                v.Count = handles.Length;
                v.P = Pin(handles, ref pins);
                break;
            case string s:
                v.P = Marshal.StringToCoTaskMemUTF8(s);
                (strings ??= []).Add(v.P);
                break;
        }
        return v;
    }

    private static IntPtr Lease(Tensor t, string op, int position, List<TensorHandle> leases)
    {
        var handle = t.AddRefFor(op, position);
        leases.Add(handle);
        return handle.DangerousGetHandle();
    }

    private static IntPtr Pin(Array array, ref List<GCHandle>? pins)
    {
        var pin = GCHandle.Alloc(array, GCHandleType.Pinned);
        (pins ??= []).Add(pin);
        return pin.AddrOfPinnedObject();
    }

    private static object? FromNative(in CkValue v)
    {
        switch (v.Kind)
        {
            case CkKind.Tensor: return new Tensor(v.P, v.I);
            case CkKind.Int: return v.I;
            case CkKind.Double: return v.D;
            case CkKind.Bool: return v.I != 0;
            case CkKind.Tensors:
                var list = new Tensor[v.Count];
                var handles = (IntPtr*)v.P;
                for (var k = 0; k < v.Count; k++) list[k] = new Tensor(handles[k]);
                NativeMethods.ck_free(v.P);
                return list;
            default: return null;
        }
    }
}
