using CourseKit.Native;

namespace CourseKit;

public static partial class torch
{
    public static partial class nn
    {
        public static partial class functional
        {
            /// <summary>y = x W^T + b, with x (*, in), W (out, in), b (out) and y (*, out).</summary>
            public static Tensor linear(Tensor input, Tensor weight, Tensor? bias = null) =>
                Dispatch.Tensor("aten::linear", "", input, weight, bias);

            /// <summary>
            /// 2-D convolution (cross-correlation) of input (B, C_in, H, W) or (C_in, H, W) with any
            /// weight (C_out, C_in / groups, kH, kW): a masked weight (weight * mask, as in PixelCNN)
            /// works and passes gradients only to the unmasked entries.
            /// </summary>
            public static Tensor conv2d(Tensor input, Tensor weight, Tensor? bias = null, long[]? strides = null,
                long[]? padding = null, long[]? dilation = null, long groups = 1) =>
                Dispatch.Tensor("aten::conv2d", "", input, weight, bias, strides ?? [1, 1], padding ?? [0, 0],
                    dilation ?? [1, 1], groups);

            /// <summary>
            /// Transposed 2-D convolution (the gradient of conv2d with respect to its input) with weight
            /// (C_in, C_out / groups, kH, kW). Output size: (H - 1) * stride - 2 * padding +
            /// dilation * (kH - 1) + output_padding + 1.
            /// </summary>
            public static Tensor conv_transpose2d(Tensor input, Tensor weight, Tensor? bias = null, long[]? strides = null,
                long[]? padding = null, long[]? output_padding = null, long groups = 1, long[]? dilation = null) =>
                Dispatch.Tensor("aten::conv_transpose2d", "input", input, weight, bias, strides ?? [1, 1], padding ?? [0, 0],
                    output_padding ?? [0, 0], groups, dilation ?? [1, 1]);

            /// <summary>
            /// Looks up rows of <paramref name="weight"/> (num_embeddings, dim) for integer indices
            /// <paramref name="input"/> (*), giving (*, dim). The row at <paramref name="padding_idx"/>
            /// receives no gradient.
            /// </summary>
            public static Tensor embedding(Tensor input, Tensor weight, long? padding_idx = null)
            {
                var rows = weight.size(0);
                if (padding_idx is long p && (p >= rows || p < -rows))
                    throw new ArgumentException($"embedding: padding_idx {p} is outside the {rows} rows of the weight");
                var index = padding_idx is long q ? (q < 0 ? q + rows : q) : -1;
                return Dispatch.Tensor("aten::embedding", "", weight, input, index, false, false);
            }

            /// <summary>
            /// In training, zeroes each element with probability <paramref name="p"/> and scales the
            /// others by 1 / (1 - p) (inverted dropout; Srivastava et al., JMLR 2014); otherwise the identity.
            /// </summary>
            public static Tensor dropout(Tensor input, double p = 0.5, bool training = true)
            {
                if (p < 0 || p > 1) throw new ArgumentException($"dropout: p must lie in [0, 1], got {p}");
                return Dispatch.Tensor("aten::dropout", "", input, p, training);
            }

            /// <summary>
            /// Integer class indices (*) to int64 one-hot vectors (*, num_classes); -1 takes
            /// max(index) + 1 classes.
            /// </summary>
            public static Tensor one_hot(Tensor tensor, long num_classes = -1) =>
                Dispatch.Tensor("aten::one_hot", "", tensor, num_classes);
        }
    }
}
