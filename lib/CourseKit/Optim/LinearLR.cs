namespace CourseKit;

public static partial class torch
{
    public static partial class optim
    {
        public static partial class lr_scheduler
        {
            /// <summary>The schedule classes; create them with the factory functions of <see cref="lr_scheduler"/>.</summary>
            public static partial class impl
            {
                /// <summary>
                /// Linear warm-up (or decay) of the learning-rate factor from <c>start_factor</c> to
                /// <c>end_factor</c> over <c>total_iters</c> steps, then constant:
                /// <c>η_t = η_0 (s + (e - s) min(t, T) / T)</c> (Goyal et al. 2017, "Accurate, Large Minibatch
                /// SGD", §2.2 gradual warm-up; PyTorch 1.13 <c>LinearLR</c>,
                /// https://pytorch.org/docs/1.13/generated/torch.optim.lr_scheduler.LinearLR.html).
                /// Follow it with a decay through <see cref="SequentialLR"/>.
                /// </summary>
                public sealed class LinearLR : ChainableLRScheduler
                {
                    public LinearLR(Optimizer optimizer, double start_factor = 1.0 / 3, double end_factor = 1.0, int total_iters = 5)
                        : base(optimizer)
                    {
                        if (!(start_factor > 0 && start_factor <= 1))
                            throw new ArgumentOutOfRangeException(nameof(start_factor), $"LinearLR: start_factor must be in (0, 1], got {start_factor}");
                        if (!(end_factor >= 0 && end_factor <= 1))
                            throw new ArgumentOutOfRangeException(nameof(end_factor), $"LinearLR: end_factor must be in [0, 1], got {end_factor}");
                        if (total_iters < 1)
                            throw new ArgumentOutOfRangeException(nameof(total_iters), $"LinearLR: total_iters must be >= 1, got {total_iters}");
                        StartFactor = start_factor;
                        EndFactor = end_factor;
                        TotalIters = total_iters;
                        InitialStep();
                    }

                    public double StartFactor { get; }
                    public double EndFactor { get; }
                    public int TotalIters { get; }

                    private protected override double ChainedLearningRate()
                    {
                        var lr = Optimizer.LearningRate;
                        if (last_epoch == 0) return lr * StartFactor;
                        if (last_epoch > TotalIters) return lr;
                        return lr * (1 + (EndFactor - StartFactor) /
                            (TotalIters * StartFactor + (last_epoch - 1) * (EndFactor - StartFactor)));
                    }

                    private protected override double ClosedFormLearningRate() =>
                        BaseLearningRate * (StartFactor + (EndFactor - StartFactor) * Math.Min(TotalIters, last_epoch) / TotalIters);
                }
            }
        }
    }
}
