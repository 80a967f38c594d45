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
        private IntPtr handle;
        private DisposeScope? scope;

        internal Tensor(IntPtr handle)
        {
            this.handle = handle;
            scope = DisposeScope.Current;
            scope?.Add(this);
        }

        /// <summary>Takes over the native tensor of <paramref name="source"/>, which is left disposed.</summary>
        private protected Tensor(Tensor source) : this(source.TakeHandle()) { }

        ~Tensor() => Free();

        /// <summary>True once the tensor was disposed (directly or by its scope).</summary>
        public bool IsInvalid => handle == IntPtr.Zero;

        internal IntPtr Handle => handle != IntPtr.Zero
            ? handle
            : throw new ObjectDisposedException(nameof(Tensor), "This tensor was disposed (directly, or by the dispose scope it was created in) and can no longer be used.");

        /// <summary>The handle to pass to <paramref name="op"/>; a disposed tensor gets a message naming the operator.</summary>
        internal IntPtr HandleFor(string op, int position) => handle != IntPtr.Zero
            ? handle
            : throw new ObjectDisposedException(nameof(Tensor),
                $"{op}: argument {position} is a tensor that was disposed (directly, or by the dispose scope it was created in).");

        private IntPtr TakeHandle()
        {
            var h = Handle;
            handle = IntPtr.Zero;
            scope?.Remove(this);
            scope = null;
            GC.SuppressFinalize(this);
            return h;
        }

        public void Dispose()
        {
            scope?.Remove(this);
            scope = null;
            Free();
            GC.SuppressFinalize(this);
        }

        internal void DisposeFromScope()
        {
            scope = null;
            Free();
            GC.SuppressFinalize(this);
        }

        private void Free()
        {
            var h = Interlocked.Exchange(ref handle, IntPtr.Zero);
            if (h != IntPtr.Zero) NativeMethods.ck_tensor_free(h);
        }

        /// <summary>Moves the tensor from its dispose scope to the enclosing one (or out of all scopes).</summary>
        public Tensor MoveToOuterDisposeScope()
        {
            var outer = scope?.Outer;
            scope?.Remove(this);
            scope = outer;
            scope?.Add(this);
            return this;
        }

        /// <summary>Takes the tensor out of every dispose scope: the caller now owns it.</summary>
        public Tensor DetachFromDisposeScope()
        {
            scope?.Remove(this);
            scope = null;
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
