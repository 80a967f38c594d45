using System.Runtime.InteropServices;

namespace CourseKit.Native;

/// <summary>
/// Owns one native tensor reference (a heap-allocated <c>at::Tensor</c>). Being a
/// <see cref="SafeHandle"/>, it is reference-counted around every native call it is passed to:
/// the P/Invoke marshaller adds a reference for the call's duration, and
/// <see cref="Dispatch"/> does the same for the handles it packs into boxed arguments. So neither
/// the finalizer nor a <c>Dispose</c> on another thread can free the tensor while native code
/// reads it; the release is deferred until the last call returns.
/// </summary>
internal sealed class TensorHandle : SafeHandle
{
    /// <summary>Stands for "no tensor" (an absent gradient) in calls that accept a null handle.</summary>
    public static readonly TensorHandle Null = new(IntPtr.Zero, 0, ownsHandle: false);

    /// <summary>Bytes of native storage this handle keeps alive, as reported to <see cref="NativeMemoryBudget"/>.</summary>
    private readonly long bytes;

    private TensorHandle(IntPtr raw, long bytes, bool ownsHandle) : base(IntPtr.Zero, ownsHandle)
    {
        SetHandle(raw);
        this.bytes = bytes;
    }

    /// <summary>Takes ownership of a handle just returned by the bridge and accounts for its storage.</summary>
    public static TensorHandle Own(IntPtr raw, long bytes)
    {
        var owned = new TensorHandle(raw, bytes, ownsHandle: true);
        NativeMemoryBudget.Allocated(bytes);
        return owned;
    }

    /// <summary>Same as <see cref="Own(IntPtr, long)"/>, asking the bridge for the storage size.</summary>
    public static TensorHandle Own(IntPtr raw) => Own(raw, NativeMethods.ck_tensor_nbytes(raw));

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle()
    {
        NativeMethods.ck_tensor_free(handle);
        NativeMemoryBudget.Released(bytes);
        return true;
    }
}
