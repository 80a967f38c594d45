using static CourseKit.torch.optim.lr_scheduler.impl;

namespace CourseKit;

public static partial class torch
{
    public static partial class optim
    {
        public static partial class lr_scheduler
        {
            /// <summary>Multiplies the learning rate by <paramref name="gamma"/> every <paramref name="step_size"/> epochs; see <see cref="impl.StepLR"/>.</summary>
            public static StepLR StepLR(Optimizer optimizer, int step_size, double gamma = 0.1) =>
                new(optimizer, step_size, gamma);

            /// <summary>Cosine decay from the base rate to <paramref name="eta_min"/> over <paramref name="T_max"/> epochs; see <see cref="impl.CosineAnnealingLR"/>.</summary>
            public static CosineAnnealingLR CosineAnnealingLR(Optimizer optimizer, int T_max, double eta_min = 0) =>
                new(optimizer, T_max, eta_min);

            /// <summary>Linear change of the rate's factor over <paramref name="total_iters"/> epochs (warm-up); see <see cref="impl.LinearLR"/>.</summary>
            public static LinearLR LinearLR(Optimizer optimizer, double start_factor = 1.0 / 3, double end_factor = 1.0, int total_iters = 5) =>
                new(optimizer, start_factor, end_factor, total_iters);

            /// <summary>Runs <paramref name="schedulers"/> one after another, switching at <paramref name="milestones"/>; see <see cref="impl.SequentialLR"/>.</summary>
            public static SequentialLR SequentialLR(Optimizer optimizer, IEnumerable<LRScheduler> schedulers, IEnumerable<int> milestones) =>
                new(optimizer, schedulers, milestones);
        }
    }
}
