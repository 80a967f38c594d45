using CourseKit.Optim;

namespace CourseKit;

public static partial class torch
{
    /// <summary>
    /// Optimizers, as <c>torch.optim</c>: factory functions named like PyTorch's classes
    /// (<c>optim.Adam(model.parameters(), lr: 1e-3)</c>) return the classes of namespace
    /// <see cref="CourseKit.Modules"/>, as TorchSharp does; plus learning-rate schedules
    /// (<see cref="lr_scheduler"/>) and weight averaging (<see cref="ExponentialMovingAverage"/>).
    /// </summary>
    public static partial class optim
    {
        /// <summary>
        /// Base of the optimizers: holds the parameters (one parameter group, as PyTorch's
        /// <c>param_groups[0]</c>), the learning rate that schedulers adjust, and per-parameter state.
        /// <see cref="step"/> runs under <see cref="no_grad"/> in its own dispose scope, skips
        /// parameters whose gradient is null, and updates all others with ATen's multi-tensor
        /// <c>_foreach_*</c> operators (a handful of native calls per step, whatever the parameter count).
        /// Dispose it to release the state tensors (moment estimates, momentum buffers).
        /// </summary>
        public abstract class Optimizer : IDisposable
        {
            private readonly Tensor[] parameters;
            private double learningRate;
            private bool disposed;

            private protected Optimizer(string name, IEnumerable<Tensor> parameters, double lr)
            {
                ArgumentNullException.ThrowIfNull(parameters);
                Name = name;
                this.parameters = parameters.ToArray();
                if (this.parameters.Length == 0)
                    throw new ArgumentException($"{name}: got an empty parameter list", nameof(parameters));
                var seen = new HashSet<Tensor>(ReferenceEqualityComparer.Instance);
                for (var k = 0; k < this.parameters.Length; k++)
                {
                    var p = this.parameters[k] ?? throw new ArgumentException($"{name}: parameter {k} is null", nameof(parameters));
                    if (!seen.Add(p))
                        throw new ArgumentException($"{name}: parameter {k} ({p.Describe()}) appears more than once", nameof(parameters));
                    if (!p.is_leaf)
                        throw new ArgumentException($"{name}: parameter {k} ({p.Describe()}) is not a leaf tensor; optimize the tensor it was computed from, or detach it", nameof(parameters));
                }
                LearningRate = lr;
            }

            /// <summary>The optimizer's name, used in error messages.</summary>
            private protected string Name { get; }

            /// <summary>The parameters, in the order given.</summary>
            public IReadOnlyList<Tensor> Parameters => parameters;

            /// <summary>The current learning rate (PyTorch's <c>param_groups[0]["lr"]</c>); schedulers set it.</summary>
            public double LearningRate
            {
                get => learningRate;
                set
                {
                    if (!(value >= 0))
                        throw new ArgumentOutOfRangeException(nameof(value), $"{Name}: invalid learning rate {value}; it must be >= 0");
                    learningRate = value;
                }
            }

            /// <summary>
            /// The learning rate when the first scheduler was attached (PyTorch's <c>initial_lr</c>);
            /// schedules are computed relative to it. Null until a scheduler is created.
            /// </summary>
            public double? InitialLearningRate { get; internal set; }

            /// <summary>
            /// Clears the gradients: sets them to null (the default, as PyTorch 2), or fills them with
            /// zeros when <paramref name="set_to_none"/> is false.
            /// </summary>
            public void zero_grad(bool set_to_none = true)
            {
                ThrowIfDisposed();
                if (set_to_none)
                {
                    foreach (var p in parameters) p.grad = null;
                    return;
                }
                using var noGrad = no_grad();
                using var scope = NewDisposeScope();
                var grads = parameters.Select(p => p.grad).OfType<Tensor>().ToArray();
                if (grads.Length > 0) Foreach.ZeroInPlace(grads);
            }

            /// <summary>Updates every parameter that has a gradient, by the optimizer's rule.</summary>
            public void step()
            {
                ThrowIfDisposed();
                using var noGrad = no_grad();
                using var scope = NewDisposeScope();
                var active = new List<int>(parameters.Length);
                var grads = new List<Tensor>(parameters.Length);
                for (var k = 0; k < parameters.Length; k++)
                {
                    if (parameters[k].grad is not { } g) continue;
                    active.Add(k);
                    grads.Add(g);
                }
                if (active.Count == 0) return;
                var index = active.ToArray();
                Update(index.Select(k => parameters[k]).ToArray(), grads.ToArray(), index);
            }

            /// <summary>
            /// Applies one update to <paramref name="parameters"/> (those with a gradient) given their
            /// <paramref name="grads"/>; <paramref name="index"/> holds their positions in
            /// <see cref="Parameters"/> (to find their state). Runs under no_grad in a dispose scope:
            /// state tensors it creates must be detached from the scope.
            /// </summary>
            private protected abstract void Update(Tensor[] parameters, Tensor[] grads, int[] index);

            /// <summary>Releases the state tensors.</summary>
            private protected abstract void DisposeState();

            /// <summary>Picks the entries of <paramref name="state"/> at <paramref name="index"/> (all non-null).</summary>
            private protected static Tensor[] Select(Tensor?[] state, int[] index) =>
                index.Select(k => state[k] ?? throw new InvalidOperationException("optimizer state was not initialised")).ToArray();

            /// <summary>Creates zero state (like <paramref name="parameters"/>) where it is missing; owned by the optimizer.</summary>
            private protected static void InitZeros(Tensor?[] state, Tensor[] parameters, int[] index)
            {
                for (var j = 0; j < index.Length; j++)
                    state[index[j]] ??= zeros_like(parameters[j]).DetachFromDisposeScope();
            }

            /// <summary>Disposes every tensor of <paramref name="state"/> and clears it.</summary>
            private protected static void Free(Tensor?[] state)
            {
                for (var k = 0; k < state.Length; k++)
                {
                    state[k]?.Dispose();
                    state[k] = null;
                }
            }

            private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(disposed, this);

            public void Dispose()
            {
                if (disposed) return;
                disposed = true;
                DisposeState();
                GC.SuppressFinalize(this);
            }
        }
    }
}
