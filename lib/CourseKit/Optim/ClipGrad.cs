using CourseKit.Optim;

namespace CourseKit;

public static partial class torch
{
    public static partial class nn
    {
        /// <summary>Utilities that act on a model's parameters.</summary>
        public static partial class utils
        {
            /// <summary>
            /// Rescales the gradients so that their joint norm is at most <paramref name="max_norm"/>
            /// (Pascanu, Mikolov &amp; Bengio 2013, "On the difficulty of training recurrent neural
            /// networks", Algorithm 1), with PyTorch 1.13's formula:
            /// <code>
            /// N = ‖(‖g_1‖_p, ..., ‖g_n‖_p)‖_p          (max_k max|g_k| for p = ∞)
            /// g_k ← g_k · min(1, max_norm / (N + 1e-6))
            /// </code>
            /// Parameters without a gradient are skipped. Returns N, the norm before clipping (0 when
            /// no parameter has a gradient). The gradients are modified in place.
            /// </summary>
            public static double clip_grad_norm_(IEnumerable<Tensor> parameters, double max_norm, double norm_type = 2)
            {
                ArgumentNullException.ThrowIfNull(parameters);
                if (!(norm_type > 0))
                    throw new ArgumentOutOfRangeException(nameof(norm_type), $"clip_grad_norm_: norm_type must be > 0 (or infinity), got {norm_type}");
                using var noGrad = no_grad();
                using var scope = NewDisposeScope();
                var grads = parameters.Select(p => p.grad).OfType<Tensor>().ToArray();
                if (grads.Length == 0) return 0;
                var device = grads[0].device;
                var norms = Foreach.Norm(grads, norm_type);                   // n x ()
                if (norms.Any(n => n.device != device)) norms = norms.Select(n => n.to(device)).ToArray();
                var total = stack(norms).norm(norm_type).item<double>();
                var coefficient = max_norm / (total + 1e-6);
                // Like PyTorch, a non-finite norm still scales (the gradients become NaN/inf), so the
                // problem shows instead of passing silently.
                if (!(coefficient >= 1)) Foreach.MulInPlace(grads, coefficient);
                return total;
            }
        }
    }
}
