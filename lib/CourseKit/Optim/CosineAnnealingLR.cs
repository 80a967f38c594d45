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
                /// Cosine annealing (Loshchilov &amp; Hutter 2017, "SGDR: Stochastic Gradient Descent with Warm
                /// Restarts", eq. 5, without restarts):
                /// <c>η_t = η_min + (η_0 - η_min) (1 + cos(π t / T_max)) / 2</c>, computed in PyTorch 1.13's
                /// chainable form (past T_max the rate rises again, as in PyTorch;
                /// https://pytorch.org/docs/1.13/generated/torch.optim.lr_scheduler.CosineAnnealingLR.html).
                /// </summary>
                public sealed class CosineAnnealingLR : ChainableLRScheduler
                {
                    public CosineAnnealingLR(Optimizer optimizer, int T_max, double eta_min = 0) : base(optimizer)
                    {
                        if (T_max < 1)
                            throw new ArgumentOutOfRangeException(nameof(T_max), $"CosineAnnealingLR: T_max must be >= 1, got {T_max}");
                        if (!(eta_min >= 0))
                            throw new ArgumentOutOfRangeException(nameof(eta_min), $"CosineAnnealingLR: eta_min must be >= 0, got {eta_min}");
                        TMax = T_max;
                        EtaMin = eta_min;
                        InitialStep();
                    }

                    public int TMax { get; }
                    public double EtaMin { get; }

                    private protected override double ChainedLearningRate()
                    {
                        var lr = Optimizer.LearningRate;
                        if (last_epoch == 0) return lr;
                        // At the bottom of the cosine (t = T_max + 1, 3 T_max + 1, ...) the ratio below is 0/0.
                        if ((last_epoch - 1 - TMax) % (2 * TMax) == 0)
                            return lr + (BaseLearningRate - EtaMin) * (1 - Math.Cos(Math.PI / TMax)) / 2;
                        return (1 + Math.Cos(Math.PI * last_epoch / TMax)) / (1 + Math.Cos(Math.PI * (last_epoch - 1) / TMax))
                            * (lr - EtaMin) + EtaMin;
                    }

                    private protected override double ClosedFormLearningRate() =>
                        EtaMin + (BaseLearningRate - EtaMin) * (1 + Math.Cos(Math.PI * last_epoch / TMax)) / 2;
                }
            }
        }
    }
}
