using CourseKit.Optim;

namespace CourseKit;

public static partial class torch
{
    public static partial class optim
    {
        /// <summary>
        /// An exponential moving average of a model's weights (Polyak &amp; Juditsky 1992 averaging, in the
        /// exponential form of TensorFlow's <c>tf.train.ExponentialMovingAverage</c>); diffusion models
        /// sample from the averaged weights (Ho et al. 2020, "Denoising Diffusion Probabilistic Models",
        /// Appendix B: decay 0.9999). Each <see cref="update"/>:
        /// <code>
        /// n ← n + 1
        /// d = min(decay, (1 + n) / (10 + n))   with use_warmup,   else d = decay
        /// θ̄ ← d θ̄ + (1 - d) θ
        /// </code>
        /// The shadow copies are detached tensors owned by this object: dispose it to free them.
        /// </summary>
        public sealed class ExponentialMovingAverage : IDisposable
        {
            private readonly Tensor[] parameters;
            private readonly Tensor[] shadow;
            private bool disposed;

            /// <param name="parameters">The weights to average (kept by reference; their current values start the average).</param>
            /// <param name="decay">d in [0, 1]; closer to 1 averages over more steps (about 1 / (1 - d)).</param>
            /// <param name="use_warmup">Use the smaller decay (1 + n) / (10 + n) early on, so the average forgets its start quickly.</param>
            public ExponentialMovingAverage(IEnumerable<Tensor> parameters, double decay = 0.999, bool use_warmup = false)
            {
                ArgumentNullException.ThrowIfNull(parameters);
                if (!(decay >= 0 && decay <= 1))
                    throw new ArgumentOutOfRangeException(nameof(decay), $"ExponentialMovingAverage: decay must be in [0, 1], got {decay}");
                this.parameters = parameters.ToArray();
                if (this.parameters.Length == 0)
                    throw new ArgumentException("ExponentialMovingAverage: got an empty parameter list", nameof(parameters));
                for (var k = 0; k < this.parameters.Length; k++)
                    if (this.parameters[k] is not { } p || !p.is_floating_point())
                        throw new ArgumentException(
                            $"ExponentialMovingAverage: parameter {k} ({this.parameters[k]?.Describe() ?? "null"}) is not a floating-point tensor",
                            nameof(parameters));
                Decay = decay;
                UseWarmup = use_warmup;
                using var noGrad = no_grad();
                shadow = this.parameters.Select(p => p.detach().clone().DetachFromDisposeScope()).ToArray();
            }

            /// <summary>The target decay.</summary>
            public double Decay { get; }

            /// <summary>Whether the decay warms up as (1 + n) / (10 + n).</summary>
            public bool UseWarmup { get; }

            /// <summary>How many updates were made (n).</summary>
            public long num_updates { get; private set; }

            /// <summary>The averaged weights, in the order of the parameters (owned by this object).</summary>
            public IReadOnlyList<Tensor> shadow_params
            {
                get
                {
                    ObjectDisposedException.ThrowIf(disposed, this);
                    return shadow;
                }
            }

            /// <summary>The decay that update number <paramref name="n"/> (counting from 1) uses.</summary>
            public double CurrentDecay(long n) => UseWarmup ? Math.Min(Decay, (1.0 + n) / (10.0 + n)) : Decay;

            /// <summary>Folds the parameters' current values into the average.</summary>
            public void update()
            {
                ObjectDisposedException.ThrowIf(disposed, this);
                num_updates++;
                var d = CurrentDecay(num_updates);
                using var noGrad = no_grad();
                Foreach.MulInPlace(shadow, d);
                Foreach.AddInPlace(shadow, parameters, 1 - d);
            }

            /// <summary>Copies the averaged weights into <paramref name="target"/> (same count, order and shapes as the averaged parameters).</summary>
            public void copy_to(IEnumerable<Tensor> target)
            {
                ObjectDisposedException.ThrowIf(disposed, this);
                ArgumentNullException.ThrowIfNull(target);
                var targets = target.ToArray();
                if (targets.Length != shadow.Length)
                    throw new ArgumentException($"ExponentialMovingAverage.copy_to: averages {shadow.Length} tensors, got {targets.Length}", nameof(target));
                for (var k = 0; k < targets.Length; k++)
                    if (!targets[k].shape.SequenceEqual(shadow[k].shape))
                        throw new ArgumentException(
                            $"ExponentialMovingAverage.copy_to: tensor {k} is {targets[k].Describe()}, the average is {shadow[k].Describe()}", nameof(target));
                using var noGrad = no_grad();
                for (var k = 0; k < targets.Length; k++) targets[k].copy_(shadow[k]);
            }

            /// <summary>Copies the averaged weights into the parameters given at construction.</summary>
            public void copy_to() => copy_to(parameters);

            public void Dispose()
            {
                if (disposed) return;
                disposed = true;
                foreach (var t in shadow) t.Dispose();
            }
        }
    }
}
