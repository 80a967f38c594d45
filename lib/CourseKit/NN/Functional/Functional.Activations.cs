using CourseKit.Native;

namespace CourseKit;

public static partial class torch
{
    public static partial class nn
    {
        /// <summary>Stateless network operations, as <c>torch.nn.functional</c> (usually imported as F).</summary>
        public static partial class functional
        {
            /// <summary>max(0, x).</summary>
            public static Tensor relu(Tensor input) => Dispatch.Tensor("aten::relu", "", input);

            /// <summary>x for x &gt;= 0, negative_slope * x otherwise.</summary>
            public static Tensor leaky_relu(Tensor input, double negative_slope = 0.01) =>
                Dispatch.Tensor("aten::leaky_relu", "", input, negative_slope);

            /// <summary>
            /// x * Phi(x) with Phi the standard normal CDF; <paramref name="approximate"/> = "tanh" uses
            /// 0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3))). Hendrycks and Gimpel, 2016.
            /// </summary>
            public static Tensor gelu(Tensor input, string approximate = "none") =>
                Dispatch.Tensor("aten::gelu", "", input, Arg.Kw("approximate", approximate));

            /// <summary>x * sigmoid(x) (also called swish).</summary>
            public static Tensor silu(Tensor input) => Dispatch.Tensor("aten::silu", "", input);

            /// <summary>(1 / beta) * log(1 + exp(beta * x)); x itself where beta * x &gt; threshold.</summary>
            public static Tensor softplus(Tensor input, double beta = 1, double threshold = 20) =>
                Dispatch.Tensor("aten::softplus", "", input, beta, threshold);

            /// <summary>x for x &gt; 0, alpha * (exp(x) - 1) otherwise.</summary>
            public static Tensor elu(Tensor input, double alpha = 1) =>
                Dispatch.Tensor("aten::elu", "", input, alpha, 1.0, 1.0);

            /// <summary>1 / (1 + exp(-x)).</summary>
            public static Tensor sigmoid(Tensor input) => input.sigmoid();

            public static Tensor tanh(Tensor input) => input.tanh();

            /// <summary>exp(x_i) / sum_j exp(x_j) along <paramref name="dim"/>.</summary>
            public static Tensor softmax(Tensor input, long dim, ScalarType? dtype = null) =>
                Dispatch.Tensor("aten::softmax", "int", input, dim, dtype);

            /// <summary>x_i - log sum_j exp(x_j) along <paramref name="dim"/>, computed stably.</summary>
            public static Tensor log_softmax(Tensor input, long dim, ScalarType? dtype = null) =>
                Dispatch.Tensor("aten::log_softmax", "int", input, dim, dtype);
        }
    }
}
