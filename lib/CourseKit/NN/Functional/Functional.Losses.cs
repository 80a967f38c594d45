using CourseKit.Native;

namespace CourseKit;

public static partial class torch
{
    public static partial class nn
    {
        /// <summary>
        /// Losses follow PyTorch's <c>reduction</c>: "mean" (the default) averages the per-element
        /// losses l_n, "sum" adds them, "none" returns them unreduced. Input and target must have the
        /// same shape where PyTorch only warns: a broadcast there is almost always a bug.
        /// </summary>
        public static partial class functional
        {
            /// <summary>
            /// l_n = -w_n [y_n log x_n + (1 - y_n) log(1 - x_n)] for probabilities x (each log clamped
            /// at -100, as PyTorch does): the negative Bernoulli log-likelihood. PyTorch docs: torch.nn.BCELoss.
            /// </summary>
            public static Tensor binary_cross_entropy(Tensor input, Tensor target, Tensor? weight = null, string reduction = "mean")
            {
                SameShape(nameof(binary_cross_entropy), input, target);
                return Dispatch.Tensor("aten::binary_cross_entropy", "", input, target, weight, Reduction(nameof(binary_cross_entropy), reduction));
            }

            /// <summary>
            /// l_n = -w_n [p y_n log sigma(x_n) + (1 - y_n) log(1 - sigma(x_n))] for logits x, computed
            /// stably; p (<paramref name="pos_weight"/>, per class, default 1) weighs the positive term.
            /// PyTorch docs: torch.nn.BCEWithLogitsLoss.
            /// </summary>
            public static Tensor binary_cross_entropy_with_logits(Tensor input, Tensor target, Tensor? weight = null,
                string reduction = "mean", Tensor? pos_weight = null)
            {
                SameShape(nameof(binary_cross_entropy_with_logits), input, target);
                return Dispatch.Tensor("aten::binary_cross_entropy_with_logits", "", input, target, weight, pos_weight,
                    Reduction(nameof(binary_cross_entropy_with_logits), reduction));
            }

            /// <summary>
            /// l_n = -w_{y_n} log softmax(x_n)_{y_n} for logits x (N, C) or (N, C, d1, ...) and class
            /// indices y (N) or (N, d1, ...); "mean" divides by sum_n w_{y_n} over the targets that are
            /// not <paramref name="ignore_index"/>. With label smoothing eps the target is
            /// (1 - eps) one_hot(y) + eps / C (Szegedy et al., CVPR 2016). PyTorch docs: torch.nn.CrossEntropyLoss.
            /// </summary>
            public static Tensor cross_entropy(Tensor input, Tensor target, Tensor? weight = null, long ignore_index = -100,
                string reduction = "mean", double label_smoothing = 0) =>
                Dispatch.Tensor("aten::cross_entropy_loss", "", input, target, weight,
                    Reduction(nameof(cross_entropy), reduction), ignore_index, label_smoothing);

            /// <summary>
            /// l_n = -w_{y_n} x_{n, y_n} for log-probabilities x (N, C) or (N, C, d1, ...) and class
            /// indices y; "mean" divides by sum_n w_{y_n} over the targets that are not ignored.
            /// PyTorch docs: torch.nn.NLLLoss.
            /// </summary>
            public static Tensor nll_loss(Tensor input, Tensor target, Tensor? weight = null, long ignore_index = -100,
                string reduction = "mean") =>
                Dispatch.Tensor("aten::nll_loss_nd", "", input, target, weight, Reduction(nameof(nll_loss), reduction), ignore_index);

            /// <summary>l_n = (x_n - y_n)^2 (PyTorch docs: torch.nn.MSELoss).</summary>
            public static Tensor mse_loss(Tensor input, Tensor target, string reduction = "mean")
            {
                SameShape(nameof(mse_loss), input, target);
                return Dispatch.Tensor("aten::mse_loss", "", input, target, Reduction(nameof(mse_loss), reduction));
            }

            /// <summary>l_n = |x_n - y_n| (PyTorch docs: torch.nn.L1Loss).</summary>
            public static Tensor l1_loss(Tensor input, Tensor target, string reduction = "mean")
            {
                SameShape(nameof(l1_loss), input, target);
                return Dispatch.Tensor("aten::l1_loss", "", input, target, Reduction(nameof(l1_loss), reduction));
            }

            /// <summary>
            /// Kullback-Leibler divergence KL(target || input) with <paramref name="input"/> given as
            /// log-probabilities: l_n = y_n (log y_n - x_n), or exp(y_n) (y_n - x_n) when
            /// <paramref name="log_target"/>. "batchmean" divides the sum by the batch size, which is
            /// the mathematical KL per sample; "mean" divides by the element count, as PyTorch does.
            /// Kullback and Leibler, 1951; PyTorch docs: torch.nn.KLDivLoss.
            /// </summary>
            public static Tensor kl_div(Tensor input, Tensor target, string reduction = "mean", bool log_target = false)
            {
                SameShape(nameof(kl_div), input, target);
                if (reduction != "batchmean")
                    return Dispatch.Tensor("aten::kl_div", "", input, target, Reduction(nameof(kl_div), reduction), Arg.Kw("log_target", log_target));
                using var sum = Dispatch.Tensor("aten::kl_div", "", input, target, 2L, Arg.Kw("log_target", log_target));
                return input.dim() == 0 ? sum.clone() : sum.div((double)input.size(0));
            }

            /// <summary>PyTorch's reduction codes: none 0, mean 1, sum 2.</summary>
            private static long Reduction(string op, string reduction) => reduction switch
            {
                "none" => 0,
                "mean" => 1,
                "sum" => 2,
                _ => throw new ArgumentException($"{op}: reduction must be \"mean\", \"sum\" or \"none\", got \"{reduction}\""),
            };

            private static void SameShape(string op, Tensor input, Tensor target)
            {
                if (!input.shape.SequenceEqual(target.shape))
                    throw new TorchException($"{op}({input.Describe()}, {target.Describe()})",
                        "the target must have the same shape as the input");
            }
        }
    }
}
