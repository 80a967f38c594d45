namespace CourseKit;

public static partial class torch
{
    public static partial class optim
    {
        /// <summary>Learning-rate schedules, with PyTorch 1.13's <c>torch.optim.lr_scheduler</c> semantics.</summary>
        public static partial class lr_scheduler
        {
            /// <summary>
            /// Base of the schedules. Create the schedule after the optimizer and call <see cref="step"/>
            /// once per epoch (or per iteration), after <c>optimizer.step()</c>. The first schedule on an
            /// optimizer records its learning rate as <see cref="Optimizer.InitialLearningRate"/>, the base
            /// the schedules are relative to.
            /// </summary>
            public abstract class LRScheduler
            {
                private protected LRScheduler(Optimizer optimizer)
                {
                    ArgumentNullException.ThrowIfNull(optimizer);
                    Optimizer = optimizer;
                    optimizer.InitialLearningRate ??= optimizer.LearningRate;
                    BaseLearningRate = optimizer.InitialLearningRate.Value;
                }

                /// <summary>The optimizer whose learning rate this schedule sets.</summary>
                public Optimizer Optimizer { get; }

                /// <summary>The learning rate the schedule is relative to (PyTorch's <c>base_lrs[0]</c>).</summary>
                public double BaseLearningRate { get; }

                /// <summary>How many times <see cref="step"/> was called (0 right after construction).</summary>
                public int last_epoch { get; private protected set; } = -1;

                /// <summary>The learning rate the last step set.</summary>
                private protected double LastLearningRate { get; set; }

                /// <summary>Advances the schedule by one epoch and sets the optimizer's learning rate.</summary>
                public abstract void step();

                /// <summary>The learning rate of each parameter group (one here) as last set by the schedule.</summary>
                public double[] get_last_lr() => [LastLearningRate];
            }

            /// <summary>The schedule classes; create them with the factory functions of <see cref="lr_scheduler"/>.</summary>
            public static partial class impl
            {
                /// <summary>
                /// A schedule in PyTorch's chainable form: each step derives the new learning rate from
                /// the optimizer's current one (so several schedules can act on one optimizer), and a
                /// closed form gives the value at an arbitrary epoch (used when <see cref="SequentialLR"/>
                /// switches to it).
                /// </summary>
                public abstract class ChainableLRScheduler : LRScheduler
                {
                    private protected ChainableLRScheduler(Optimizer optimizer) : base(optimizer) { }

                    /// <summary>PyTorch's <c>_initial_step</c>: takes step 0.</summary>
                    internal void InitialStep() => step();

                    public sealed override void step()
                    {
                        last_epoch++;
                        Apply(ChainedLearningRate());
                    }

                    /// <summary>Jumps to <paramref name="epoch"/> using the closed form (PyTorch's <c>step(epoch)</c>).</summary>
                    internal void StepTo(int epoch)
                    {
                        last_epoch = epoch;
                        Apply(ClosedFormLearningRate());
                    }

                    /// <summary>Takes back one epoch without touching the learning rate (used by SequentialLR).</summary>
                    internal void Rewind() => last_epoch--;

                    /// <summary>The new learning rate at <see cref="LRScheduler.last_epoch"/> from the optimizer's current one.</summary>
                    private protected abstract double ChainedLearningRate();

                    /// <summary>The learning rate at <see cref="LRScheduler.last_epoch"/> from <see cref="LRScheduler.BaseLearningRate"/>.</summary>
                    private protected abstract double ClosedFormLearningRate();

                    private void Apply(double lr)
                    {
                        Optimizer.LearningRate = lr;
                        LastLearningRate = lr;
                    }
                }
            }
        }
    }
}
