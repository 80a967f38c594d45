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
                /// Step decay: the learning rate is multiplied by γ every <c>step_size</c> epochs,
                /// <c>η_t = η_0 γ^⌊t / step_size⌋</c> (PyTorch 1.13 <c>StepLR</c>,
                /// https://pytorch.org/docs/1.13/generated/torch.optim.lr_scheduler.StepLR.html).
                /// </summary>
                public sealed class StepLR : ChainableLRScheduler
                {
                    public StepLR(Optimizer optimizer, int step_size, double gamma = 0.1) : base(optimizer)
                    {
                        if (step_size < 1)
                            throw new ArgumentOutOfRangeException(nameof(step_size), $"StepLR: step_size must be >= 1, got {step_size}");
                        StepSize = step_size;
                        Gamma = gamma;
                        InitialStep();
                    }

                    public int StepSize { get; }
                    public double Gamma { get; }

                    private protected override double ChainedLearningRate() =>
                        last_epoch == 0 || last_epoch % StepSize != 0 ? Optimizer.LearningRate : Optimizer.LearningRate * Gamma;

                    private protected override double ClosedFormLearningRate() =>
                        BaseLearningRate * Math.Pow(Gamma, last_epoch / StepSize);
                }
            }
        }
    }
}
