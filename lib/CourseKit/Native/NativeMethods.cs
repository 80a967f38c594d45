using System.Reflection;
using System.Runtime.InteropServices;

namespace CourseKit.Native;

/// <summary>
/// P/Invoke declarations for libcoursekit_native.so (see lib/CourseKit.Native/coursekit.h).
/// The library is loaded from the folder of CourseKit.dll, so a notebook's <c>#r</c> of the DLL
/// is enough: no LD_LIBRARY_PATH, which a running kernel could not change anyway.
/// Tensors are passed as <see cref="TensorHandle"/>s, never as raw pointers, so the marshaller keeps
/// each one referenced (and alive) until the call returns.
/// </summary>
internal static unsafe partial class NativeMethods
{
    private const string Library = "coursekit_native";

    static NativeMethods()
    {
        NativeLibrary.SetDllImportResolver(typeof(NativeMethods).Assembly, Resolve);
    }

    private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (name != Library) return IntPtr.Zero;
        var folder = Path.GetDirectoryName(assembly.Location);
        var path = Path.Combine(folder ?? AppContext.BaseDirectory, "libcoursekit_native.so");
        if (!File.Exists(path))
            throw new DllNotFoundException(
                $"CourseKit's native bridge was not found at {path}. Build CourseKit (dotnet build) so that " +
                "libcoursekit_native.so is placed next to CourseKit.dll.");
        try
        {
            return NativeLibrary.Load(path);
        }
        catch (DllNotFoundException e)
        {
            throw new DllNotFoundException(
                $"Could not load {path}: {e.Message}. Is libtorch installed (Debian: apt-get install libtorch-dev), " +
                "or was the bridge built against a LIBTORCH folder that has moved?", e);
        }
    }

    [LibraryImport(Library)] internal static partial IntPtr ck_last_error();
    [LibraryImport(Library)] internal static partial void ck_free(IntPtr p);
    [LibraryImport(Library)] internal static partial IntPtr ck_torch_version();

    [LibraryImport(Library)]
    internal static partial int ck_tensor_from_data(void* data, int dtype, long* shape, int ndim,
        int deviceType, int deviceIndex, out IntPtr handle);
    [LibraryImport(Library)] internal static partial int ck_tensor_copy_to(TensorHandle t, void* dst, long nbytes);
    [LibraryImport(Library)]
    internal static partial int ck_tensor_meta(TensorHandle t, out int dtype, out int ndim, long* shape, int maxNdim,
        out int deviceType, out int deviceIndex, out int requiresGrad);
    [LibraryImport(Library)] internal static partial void ck_tensor_free(IntPtr t);
    [LibraryImport(Library)] internal static partial long ck_tensor_nbytes(IntPtr t);

    [LibraryImport(Library)] internal static partial int ck_tensor_grad(TensorHandle t, out IntPtr grad);
    [LibraryImport(Library)] internal static partial int ck_tensor_set_grad(TensorHandle t, TensorHandle grad);
    [LibraryImport(Library)] internal static partial int ck_tensor_is_leaf(TensorHandle t, out int isLeaf);
    [LibraryImport(Library)]
    internal static partial int ck_tensor_backward(TensorHandle t, TensorHandle grad, int retainGraph, int createGraph);
    [LibraryImport(Library)]
    internal static partial int ck_autograd_grad(IntPtr* outputs, IntPtr* gradOutputs, int nOutputs,
        IntPtr* inputs, int nInputs, int retainGraph, int createGraph, int allowUnused, IntPtr* result);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int ck_op_find(string name, string overload, out IntPtr op);
    [LibraryImport(Library)] internal static partial IntPtr ck_op_schema(IntPtr op);
    [LibraryImport(Library)]
    internal static partial int ck_op_call(IntPtr op, CkValue* args, int nargs, int gradEnabled,
        CkValue* outs, int maxOuts, out int nouts);

    [LibraryImport(Library)] internal static partial int ck_set_malloc_thresholds(long mmapThreshold, long trimThreshold);
    [LibraryImport(Library)] internal static partial int ck_manual_seed(ulong seed);
    [LibraryImport(Library)] internal static partial int ck_set_num_threads(int n);
    [LibraryImport(Library)] internal static partial int ck_get_num_threads();
    [LibraryImport(Library)] internal static partial int ck_cuda_is_available();
    [LibraryImport(Library)] internal static partial int ck_cuda_compiled();
    [LibraryImport(Library)] internal static partial int ck_cuda_device_count();
    [LibraryImport(Library)] internal static partial int ck_cuda_synchronize(int deviceIndex);

    /// <summary>The message of the last failed call on this thread.</summary>
    internal static string LastError() => Marshal.PtrToStringUTF8(ck_last_error()) ?? "unknown error";

    /// <summary>Throws a <see cref="TorchException"/> naming <paramref name="what"/> when a call failed.</summary>
    internal static void Check(int status, string what)
    {
        if (status != 0) throw new TorchException(what, LastError());
    }
}

/// <summary>Mirror of the native <c>ck_value</c>: one boxed argument or result.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct CkValue
{
    public int Kind;
    public int Count;
    public long I;
    public double D;
    public IntPtr P;
    public IntPtr Name;
}

internal static class CkKind
{
    public const int None = 0, Tensor = 1, Int = 2, Double = 3, Bool = 4, Ints = 5, Doubles = 6, Tensors = 7, String = 8;
}
