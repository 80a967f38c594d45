using System.Runtime.InteropServices;
using CourseKit.Native;

namespace CourseKit;

public static partial class torch
{
    /// <summary>
    /// A tensor: an n-dimensional array in libtorch's memory (CPU or GPU) that can record the
    /// operations applied to it for automatic differentiation. The object owns one reference to
    /// native memory: dispose it, or let a <see cref="DisposeScope"/> do it; the finalizer is
    /// only a safety net.
    /// </summary>
    public partial class Tensor : IDisposable
    {
        private const int MaxDims = 64;

        /// <summary>The native tensor; null once disposed or taken over by another wrapper.</summary>
        private TensorHandle? native;

        internal Tensor(TensorHandle native)
        {
            this.native = native;
            DisposeScope.Current?.Attach(this);
        }

        /// <summary>Wraps a handle the bridge just returned, whose storage is <paramref name="bytes"/> long.</summary>
        internal Tensor(IntPtr raw, long bytes) : this(TensorHandle.Own(raw, bytes)) { }

        /// <summary>Wraps a handle the bridge just returned.</summary>
        internal Tensor(IntPtr raw) : this(TensorHandle.Own(raw)) { }

        /// <summary>Takes over the native tensor of <paramref name="source"/>, which is left disposed.</summary>
        private protected Tensor(Tensor source) : this(source.TakeHandle()) { }

        /// <summary>The dispose scope that will dispose this tensor, if any (maintained by <see cref="DisposeScope"/>).</summary>
        internal DisposeScope? Scope { get; set; }

        /// <summary>This tensor's entry in <see cref="Scope"/>.</summary>
        internal int ScopeSlot { get; set; }

        /// <summary>True once the tensor was disposed (directly or by its scope).</summary>
        public bool IsInvalid => native is not { IsClosed: false };

        internal TensorHandle Handle => native is { IsClosed: false } h
            ? h
            : throw new ObjectDisposedException(nameof(Tensor), "This tensor was disposed (directly, or by the dispose scope it was created in) and can no longer be used.");

        /// <summary>
        /// The native handle for <paramref name="op"/>, with a reference added so that it cannot be freed
        /// until the caller calls <see cref="SafeHandle.DangerousRelease"/> on it; a disposed tensor gets a
        /// message naming the operator.
        /// </summary>
        internal TensorHandle AddRefFor(string op, int position)
        {
            var h = native;
            var added = false;
            try
            {
                h?.DangerousAddRef(ref added);
            }
            catch (ObjectDisposedException)
            {
                // Closed between the read and the reference: reported below like any disposed tensor.
            }
            return added
                ? h!
                : throw new ObjectDisposedException(nameof(Tensor),
                    $"{op}: argument {position} is a tensor that was disposed (directly, or by the dispose scope it was created in).");
        }

        private TensorHandle TakeHandle()
        {
            var h = Interlocked.Exchange(ref native, null);
            if (h is null || h.IsClosed)
                throw new ObjectDisposedException(nameof(Tensor), "This tensor was disposed and cannot be taken over.");
            Scope?.Remove(this);
            return h;
        }

        /// <summary>
        /// Frees the native tensor now (or, when a native call on another thread is using it, as soon as
        /// that call returns). Safe to call more than once and from any thread.
        /// </summary>
        public void Dispose()
        {
            Interlocked.Exchange(ref native, null)?.Dispose();
            GC.SuppressFinalize(this);
        }

        /// <summary>Moves the tensor from its dispose scope to the enclosing one (or out of all scopes).</summary>
        public Tensor MoveToOuterDisposeScope()
        {
            Scope?.MoveToOuter(this);
            return this;
        }

        /// <summary>Takes the tensor out of every dispose scope: the caller now owns it.</summary>
        public Tensor DetachFromDisposeScope()
        {
            Scope?.Remove(this);
            return this;
        }

        private unsafe (ScalarType dtype, long[] shape, Device device, bool requiresGrad) Meta()
        {
            var shape = stackalloc long[MaxDims];
            NativeMethods.Check(NativeMethods.ck_tensor_meta(Handle, out var dtype, out var ndim, shape, MaxDims,
                out var deviceType, out var deviceIndex, out var requiresGrad), "reading tensor metadata");
            return ((ScalarType)dtype, new Span<long>(shape, ndim).ToArray(),
                new Device((DeviceType)deviceType, deviceIndex), requiresGrad != 0);
        }

        public ScalarType dtype => Meta().dtype;

        public long[] shape => Meta().shape;

        public Device device => Meta().device;

        public long dim() => Meta().shape.Length;

        public long ndim => dim();

        public long numel()
        {
            long n = 1;
            foreach (var s in shape) n *= s;
            return n;
        }

        /// <summary>Size of dimension <paramref name="d"/> (negative counts from the end).</summary>
        public long size(long d)
        {
            var s = shape;
            var k = d < 0 ? d + s.Length : d;
            if (k < 0 || k >= s.Length)
                throw new ArgumentOutOfRangeException(nameof(d), $"size({d}): tensor has {s.Length} dimensions");
            return s[k];
        }

        public bool is_floating_point() => dtype.IsFloatingPoint();

        /// <summary><c>Tensor[2, 3] float32</c> (plus device and grad flag when they matter).</summary>
        internal string Describe()
        {
            if (IsInvalid) return "Tensor(disposed)";
            var (dt, sh, dev, rg) = Meta();
            return $"Tensor[{string.Join(", ", sh)}] {dt.Name()}" +
                   (dev.type == DeviceType.CPU ? "" : $" {dev}") + (rg ? " requires_grad" : "");
        }

        /// <summary>Copies the elements, in row-major order, into a new array.</summary>
        public unsafe T[] ToArray<T>() where T : unmanaged
        {
            var (dt, sh, _, _) = Meta();
            var wanted = ScalarTypeOf(typeof(T));
            if (wanted != dt)
                throw new ArgumentException($"ToArray<{typeof(T).Name}>: the tensor holds {dt.Name()}, not {wanted.Name()}; convert with .to({wanted.Name()}) first");
            long n = 1;
            foreach (var s in sh) n *= s;
            var data = new T[n];
            fixed (T* p = data)
                NativeMethods.Check(NativeMethods.ck_tensor_copy_to(Handle, p, n * sizeof(T)), "copying tensor data");
            return data;
        }

        /// <summary>The value of a one-element tensor.</summary>
        public T item<T>() where T : unmanaged
        {
            var n = numel();
            if (n != 1)
                throw new InvalidOperationException($"item<{typeof(T).Name}>() needs a tensor with one element, this one has shape [{string.Join(", ", shape)}]");
            var type = ScalarTypeOf(typeof(T));
            using var converted = dtype == type ? null : to(type);
            return (converted ?? this).ToArray<T>()[0];
        }

        public override string ToString() => IsInvalid ? "Tensor(disposed)" : TensorFormatter.Format(this);
    }
}
