namespace CourseKit;

public static partial class torch
{
    public static partial class nn
    {
        /// <summary>
        /// Weight initialisation, as <c>torch.nn.init</c>: every function fills its tensor in place
        /// under no_grad (so it works on parameters) and returns it. With the same seed they draw
        /// the same numbers as PyTorch on CPU.
        /// </summary>
        public static class init
        {
            /// <summary>
            /// The gain recommended for a nonlinearity: 1 for linear/conv/sigmoid, 5/3 for tanh,
            /// sqrt(2) for relu, sqrt(2 / (1 + a^2)) for leaky_relu with slope a (default 0.01), 3/4 for selu.
            /// </summary>
            public static double calculate_gain(string nonlinearity, double? param = null)
            {
                switch (nonlinearity)
                {
                    case "linear" or "conv1d" or "conv2d" or "conv3d" or "conv_transpose1d" or "conv_transpose2d"
                        or "conv_transpose3d" or "sigmoid":
                        return 1.0;
                    case "tanh":
                        return 5.0 / 3;
                    case "relu":
                        return Math.Sqrt(2.0);
                    case "leaky_relu":
                        var slope = param ?? 0.01;
                        return Math.Sqrt(2.0 / (1 + slope * slope));
                    case "selu":
                        return 3.0 / 4;
                    default:
                        throw new ArgumentException($"calculate_gain: unsupported nonlinearity \"{nonlinearity}\"");
                }
            }

            /// <summary>Fills with samples of U(a, b).</summary>
            public static Tensor uniform_(Tensor tensor, double a = 0, double b = 1)
            {
                using (no_grad()) return tensor.uniform_(a, b);
            }

            /// <summary>Fills with samples of N(mean, std^2).</summary>
            public static Tensor normal_(Tensor tensor, double mean = 0, double std = 1)
            {
                using (no_grad()) return tensor.normal_(mean, std);
            }

            /// <summary>Fills with <paramref name="val"/>.</summary>
            public static Tensor constant_(Tensor tensor, double val)
            {
                using (no_grad()) return tensor.fill_(val);
            }

            public static Tensor ones_(Tensor tensor) => constant_(tensor, 1);

            public static Tensor zeros_(Tensor tensor)
            {
                using (no_grad()) return tensor.zero_();
            }

            /// <summary>
            /// Glorot uniform: U(-a, a) with a = gain * sqrt(6 / (fan_in + fan_out)).
            /// Glorot and Bengio, "Understanding the difficulty of training deep feedforward neural networks", AISTATS 2010.
            /// </summary>
            public static Tensor xavier_uniform_(Tensor tensor, double gain = 1)
            {
                var (fanIn, fanOut) = CalculateFanInAndFanOut(tensor, nameof(xavier_uniform_));
                var std = gain * Math.Sqrt(2.0 / (fanIn + fanOut));
                var a = Math.Sqrt(3.0) * std;
                return uniform_(tensor, -a, a);
            }

            /// <summary>Glorot normal: N(0, std^2) with std = gain * sqrt(2 / (fan_in + fan_out)) (Glorot and Bengio, 2010).</summary>
            public static Tensor xavier_normal_(Tensor tensor, double gain = 1)
            {
                var (fanIn, fanOut) = CalculateFanInAndFanOut(tensor, nameof(xavier_normal_));
                return normal_(tensor, 0, gain * Math.Sqrt(2.0 / (fanIn + fanOut)));
            }

            /// <summary>
            /// He uniform: U(-bound, bound) with bound = gain * sqrt(3 / fan), gain =
            /// calculate_gain(nonlinearity, a) and fan the fan-in or fan-out per <paramref name="mode"/>.
            /// He et al., "Delving Deep into Rectifiers", ICCV 2015. PyTorch's Linear and Conv layers use
            /// a = sqrt(5) on their weights.
            /// </summary>
            public static Tensor kaiming_uniform_(Tensor tensor, double a = 0, string mode = "fan_in", string nonlinearity = "leaky_relu")
            {
                var std = KaimingStd(tensor, a, mode, nonlinearity, nameof(kaiming_uniform_));
                var bound = Math.Sqrt(3.0) * std;
                return uniform_(tensor, -bound, bound);
            }

            /// <summary>He normal: N(0, std^2) with std = gain / sqrt(fan) (He et al., ICCV 2015).</summary>
            public static Tensor kaiming_normal_(Tensor tensor, double a = 0, string mode = "fan_in", string nonlinearity = "leaky_relu") =>
                normal_(tensor, 0, KaimingStd(tensor, a, mode, nonlinearity, nameof(kaiming_normal_)));

            private static double KaimingStd(Tensor tensor, double a, string mode, string nonlinearity, string caller)
            {
                var (fanIn, fanOut) = CalculateFanInAndFanOut(tensor, caller);
                var fan = mode switch
                {
                    "fan_in" => fanIn,
                    "fan_out" => fanOut,
                    _ => throw new ArgumentException($"{caller}: mode must be \"fan_in\" or \"fan_out\", got \"{mode}\""),
                };
                return calculate_gain(nonlinearity, a) / Math.Sqrt(fan);
            }

            /// <summary>
            /// fan_in = size(1) * receptive field, fan_out = size(0) * receptive field, where the
            /// receptive field is the product of the sizes after the first two (1 for a matrix).
            /// </summary>
            internal static (long fanIn, long fanOut) CalculateFanInAndFanOut(Tensor tensor, string caller)
            {
                var shape = tensor.shape;
                if (shape.Length < 2)
                    throw new ArgumentException($"{caller}: fan in and fan out need a tensor with at least 2 dimensions, got shape [{string.Join(", ", shape)}]");
                long receptive = 1;
                for (var d = 2; d < shape.Length; d++) receptive *= shape[d];
                return (shape[1] * receptive, shape[0] * receptive);
            }
        }
    }
}
