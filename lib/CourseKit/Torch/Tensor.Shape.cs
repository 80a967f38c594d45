using CourseKit.Native;

namespace CourseKit;

public static partial class torch
{
    public partial class Tensor
    {
        public Tensor reshape(params long[] shape) => Dispatch.Tensor("aten::reshape", "", this, shape);
        public Tensor view(params long[] shape) => Dispatch.Tensor("aten::view", "", this, shape);
        public Tensor view_as(Tensor other) => view(other.shape);
        public Tensor permute(params long[] dims) => Dispatch.Tensor("aten::permute", "", this, dims);
        public Tensor transpose(long dim0, long dim1) => Dispatch.Tensor("aten::transpose", "int", this, dim0, dim1);
        public Tensor t() => Dispatch.Tensor("aten::t", "", this);
        public Tensor T => t();
        public Tensor flatten(long start_dim = 0, long end_dim = -1) => Dispatch.Tensor("aten::flatten", "using_ints", this, start_dim, end_dim);
        public Tensor unflatten(long dim, params long[] sizes) => Dispatch.Tensor("aten::unflatten", "int", this, dim, sizes);
        public Tensor unsqueeze(long dim) => Dispatch.Tensor("aten::unsqueeze", "", this, dim);
        public Tensor squeeze() => Dispatch.Tensor("aten::squeeze", "", this);
        public Tensor squeeze(long dim) => Dispatch.Tensor("aten::squeeze", "dim", this, dim);
        public Tensor expand(params long[] sizes) => Dispatch.Tensor("aten::expand", "", this, sizes);
        public Tensor expand_as(Tensor other) => expand(other.shape);
        public Tensor repeat(params long[] repeats) => Dispatch.Tensor("aten::repeat", "", this, repeats);

        /// <summary>
        /// Each element <paramref name="repeats"/> times in a row along <paramref name="dim"/> (along the
        /// flattened tensor when null): [a, b] gives [a, a, b, b], where <see cref="repeat"/> gives [a, b, a, b].
        /// </summary>
        public Tensor repeat_interleave(long repeats, long? dim = null) =>
            Dispatch.Tensor("aten::repeat_interleave", "self_int", this, repeats, dim);

        /// <summary>Element i along <paramref name="dim"/> repeated <c>repeats[i]</c> times (an int64 tensor of one count per element).</summary>
        public Tensor repeat_interleave(Tensor repeats, long? dim = null) =>
            Dispatch.Tensor("aten::repeat_interleave", "self_Tensor", this, repeats, dim);
        public Tensor contiguous() => Dispatch.Tensor("aten::contiguous", "", this);
        public Tensor clone() => Dispatch.Tensor("aten::clone", "", this);
        public Tensor narrow(long dim, long start, long length) => Dispatch.Tensor("aten::narrow", "", this, dim, start, length);
        public Tensor select(long dim, long index) => Dispatch.Tensor("aten::select", "int", this, dim, index);
        public Tensor slice(long dim, long? start, long? end, long step = 1) => Dispatch.Tensor("aten::slice", "Tensor", this, dim, start, end, step);
        public Tensor diagonal(long offset = 0, long dim1 = 0, long dim2 = 1) => Dispatch.Tensor("aten::diagonal", "", this, offset, dim1, dim2);
        public Tensor flip(params long[] dims) => Dispatch.Tensor("aten::flip", "", this, dims);
        public Tensor[] chunk(long chunks, long dim = 0) => Dispatch.Tensors("aten::chunk", "", this, chunks, dim);
        public Tensor[] split(long split_size, long dim = 0) => Dispatch.Tensors("aten::split", "Tensor", this, split_size, dim);
        public Tensor[] split(long[] split_sizes, long dim = 0) => Dispatch.Tensors("aten::split_with_sizes", "", this, split_sizes, dim);

        // ---- dtype and device ----
        public Tensor to(ScalarType type) => Dispatch.Tensor("aten::to", "dtype", this, type);
        public Tensor to(Device device) => Dispatch.Tensor("aten::to", "device", this, device, dtype);
        public Tensor to(ScalarType type, Device device) => Dispatch.Tensor("aten::to", "device", this, device, type);
        public Tensor to(Tensor other) => to(other.dtype, other.device);
        public Tensor cpu() => to(CPU);
        public Tensor cuda(int index = 0) => to(new Device(DeviceType.CUDA, index));
        public Tensor @float() => to(ScalarType.Float32);
        public Tensor @double() => to(ScalarType.Float64);
        public Tensor @long() => to(ScalarType.Int64);
        public Tensor @int() => to(ScalarType.Int32);
        public Tensor @bool() => to(ScalarType.Bool);
        public Tensor @byte() => to(ScalarType.Byte);
    }
}
