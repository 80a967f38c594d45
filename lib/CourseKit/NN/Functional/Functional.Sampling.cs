using CourseKit.Native;

namespace CourseKit;

public static partial class torch
{
    public static partial class nn
    {
        public static partial class functional
        {
            /// <summary>
            /// Resizes (B, C, H, W) images to <paramref name="size"/> (H', W') or by
            /// <paramref name="scale_factor"/> (H' = floor(H * s)), with <paramref name="mode"/> "nearest"
            /// or "bilinear". <paramref name="align_corners"/> (bilinear only, default false) maps the
            /// corner pixels' centres onto each other instead of the corners' edges.
            /// </summary>
            public static Tensor interpolate(Tensor input, long[]? size = null, double[]? scale_factor = null,
                string mode = "nearest", bool? align_corners = null)
            {
                if (input.dim() != 4)
                    throw new ArgumentException($"interpolate: expected a (B, C, H, W) input, got {input.Describe()}");
                if ((size is null) == (scale_factor is null))
                    throw new ArgumentException("interpolate: give exactly one of size and scale_factor");
                if (size is { Length: 1 }) size = [size[0], size[0]];
                if (scale_factor is { Length: 1 }) scale_factor = [scale_factor[0], scale_factor[0]];
                return mode switch
                {
                    "nearest" when align_corners is not null =>
                        throw new ArgumentException("interpolate: align_corners applies to mode \"bilinear\" only"),
                    "nearest" => Dispatch.Tensor("aten::upsample_nearest2d", "vec", input, size, scale_factor),
                    "bilinear" => Dispatch.Tensor("aten::upsample_bilinear2d", "vec", input, size, align_corners ?? false, scale_factor),
                    _ => throw new ArgumentException($"interpolate: mode must be \"nearest\" or \"bilinear\", got \"{mode}\""),
                };
            }

            /// <summary>Resizes (B, C, H, W) images by the same factor in both directions.</summary>
            public static Tensor interpolate(Tensor input, double scale_factor, string mode = "nearest", bool? align_corners = null) =>
                interpolate(input, null, [scale_factor, scale_factor], mode, align_corners);

            /// <summary>
            /// Pads the last dimensions: <paramref name="pad"/> = (left, right) for the last, then
            /// (top, bottom) for the one before, and so on. Modes: "constant" (with <paramref name="value"/>),
            /// "reflect" (mirror without repeating the edge), "replicate" (repeat the edge), "circular".
            /// </summary>
            public static Tensor pad(Tensor input, long[] pad, string mode = "constant", double value = 0)
            {
                if (mode is not ("constant" or "reflect" or "replicate" or "circular"))
                    throw new ArgumentException($"pad: mode must be \"constant\", \"reflect\", \"replicate\" or \"circular\", got \"{mode}\"");
                return Dispatch.Tensor("aten::pad", "", input, pad, mode, mode == "constant" ? (double?)value : null);
            }

            /// <summary>Maximum over kernel windows of (B, C, H, W); the stride defaults to the kernel size.</summary>
            public static Tensor max_pool2d(Tensor input, long[] kernel_size, long[]? stride = null, long[]? padding = null,
                long[]? dilation = null, bool ceil_mode = false) =>
                Dispatch.Tensor("aten::max_pool2d", "", input, kernel_size, stride ?? kernel_size, padding ?? [0, 0],
                    dilation ?? [1, 1], ceil_mode);

            /// <summary>Maximum over square kernel windows.</summary>
            public static Tensor max_pool2d(Tensor input, long kernel_size, long? stride = null, long padding = 0,
                long dilation = 1, bool ceil_mode = false) =>
                max_pool2d(input, [kernel_size, kernel_size], [stride ?? kernel_size, stride ?? kernel_size],
                    [padding, padding], [dilation, dilation], ceil_mode);

            /// <summary>
            /// Mean over kernel windows of (B, C, H, W); the stride defaults to the kernel size. With
            /// <paramref name="count_include_pad"/>, padded zeros count in the denominator.
            /// </summary>
            public static Tensor avg_pool2d(Tensor input, long[] kernel_size, long[]? stride = null, long[]? padding = null,
                bool ceil_mode = false, bool count_include_pad = true, long? divisor_override = null) =>
                Dispatch.Tensor("aten::avg_pool2d", "", input, kernel_size, stride ?? kernel_size, padding ?? [0, 0],
                    ceil_mode, count_include_pad, divisor_override);

            /// <summary>Mean over square kernel windows.</summary>
            public static Tensor avg_pool2d(Tensor input, long kernel_size, long? stride = null, long padding = 0,
                bool ceil_mode = false, bool count_include_pad = true) =>
                avg_pool2d(input, [kernel_size, kernel_size], [stride ?? kernel_size, stride ?? kernel_size],
                    [padding, padding], ceil_mode, count_include_pad);
        }
    }
}
