using CourseKit.Native;

namespace CourseKit;

public static partial class torch
{
    /// <summary>
    /// One entry of an index expression, as in PyTorch's <c>x[0, 1:3, ..., None, mask]</c>:
    /// an integer, a slice (C# ranges: <c>x[1..3]</c>, <c>x[..^1]</c>), the ellipsis, a new axis
    /// (<see cref="None"/>) or an index/mask tensor.
    /// </summary>
    public sealed class TensorIndex
    {
        private TensorIndex() { }

        internal long? Single { get; private init; }
        internal (long? start, long? stop, long step)? SliceRange { get; private init; }
        internal bool IsEllipsis { get; private init; }
        internal bool IsNone { get; private init; }
        internal Tensor? IndexTensor { get; private init; }

        public static readonly TensorIndex Ellipsis = new() { IsEllipsis = true };
        public static readonly TensorIndex None = new() { IsNone = true };
        public static readonly TensorIndex Colon = Slice();

        public static TensorIndex Slice(long? start = null, long? stop = null, long step = 1) =>
            step > 0 ? new() { SliceRange = (start, stop, step) } : throw new ArgumentException("slice step must be positive");

        public static implicit operator TensorIndex(long index) => new() { Single = index };
        public static implicit operator TensorIndex(int index) => new() { Single = index };
        public static implicit operator TensorIndex(Tensor index) => new() { IndexTensor = index };
        public static implicit operator TensorIndex(Range range) => new()
        {
            SliceRange = (FromIndex(range.Start, isStart: true), FromIndex(range.End, isStart: false), 1),
        };

        private static long? FromIndex(Index index, bool isStart)
        {
            if (index.IsFromEnd) return index.Value == 0 ? null : -index.Value;
            return index.Value == 0 && isStart ? null : index.Value;
        }
    }

    public partial class Tensor
    {
        public Tensor this[params long[] indices] => Index(indices.Select(i => (TensorIndex)i).ToArray());

        public Tensor this[params TensorIndex[] indices]
        {
            get => Index(indices);
            set
            {
                using var target = Index(indices);
                using (no_grad()) target.copy_(value);
            }
        }

        /// <summary>Applies an index expression: basic indexing gives a view, tensor indices a copy.</summary>
        public Tensor Index(TensorIndex[] indices)
        {
            var ellipsis = indices.Count(i => i.IsEllipsis);
            if (ellipsis > 1) throw new ArgumentException("an index can contain at most one ellipsis");
            var consumed = indices.Count(i => !i.IsEllipsis && !i.IsNone);
            var rank = dim();
            if (consumed > rank)
                throw new IndexOutOfRangeException($"too many indices ({consumed}) for a tensor of shape [{string.Join(", ", shape)}]");

            var result = Dispatch.Tensor("aten::alias", "", this);
            var advanced = new List<Tensor?>();
            long d = 0;
            foreach (var index in indices)
            {
                Tensor next;
                if (index.IsEllipsis)
                {
                    var skip = rank - consumed;
                    for (var k = 0; k < skip; k++) advanced.Add(null);
                    d += skip;
                    continue;
                }
                if (index.IsNone) next = result.unsqueeze(d++);
                else if (index.Single is long i) next = result.select(d, i);
                else if (index.SliceRange is var (start, stop, step)) { next = result.slice(d++, start, stop, step); advanced.Add(null); }
                else { advanced.Add(index.IndexTensor); d++; continue; }
                result.Dispose();
                result = next;
                if (index.IsNone) advanced.Add(null);
            }
            if (advanced.All(a => a is null)) return result;
            var gathered = Dispatch.Tensor("aten::index", "Tensor", result, advanced.ToArray());
            result.Dispose();
            return gathered;
        }
    }
}
