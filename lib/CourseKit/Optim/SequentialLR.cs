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
                /// Runs schedules one after another: <c>schedulers[i]</c> is in charge from epoch
                /// <c>milestones[i-1]</c> on, and starts there from its closed form at epoch 0 (PyTorch 1.13
                /// <c>SequentialLR</c>, https://pytorch.org/docs/1.13/generated/torch.optim.lr_scheduler.SequentialLR.html).
                /// Warm-up then cosine decay (as in Ho et al. 2020's diffusion training, and most transformers):
                /// <code>
                /// var warmup = lr_scheduler.LinearLR(opt, start_factor: 0.01, total_iters: 500);
                /// var cosine = lr_scheduler.CosineAnnealingLR(opt, T_max: steps - 500);
                /// var schedule = lr_scheduler.SequentialLR(opt, [warmup, cosine], milestones: [500]);
                /// </code>
                /// </summary>
                public sealed class SequentialLR : LRScheduler
                {
                    private readonly ChainableLRScheduler[] schedulers;
                    private readonly int[] milestones;

                    public SequentialLR(Optimizer optimizer, IEnumerable<LRScheduler> schedulers, IEnumerable<int> milestones)
                        : base(optimizer)
                    {
                        this.schedulers = schedulers.Select((s, k) => s as ChainableLRScheduler ?? throw new ArgumentException(
                            $"SequentialLR: schedule {k} ({s?.GetType().Name ?? "null"}) cannot be sequenced; use StepLR, CosineAnnealingLR or LinearLR",
                            nameof(schedulers))).ToArray();
                        this.milestones = milestones.ToArray();
                        if (this.schedulers.Length == 0)
                            throw new ArgumentException("SequentialLR: needs at least one schedule", nameof(schedulers));
                        for (var k = 0; k < this.schedulers.Length; k++)
                            if (!ReferenceEquals(this.schedulers[k].Optimizer, optimizer))
                                throw new ArgumentException($"SequentialLR: schedule {k} belongs to a different optimizer", nameof(schedulers));
                        if (this.milestones.Length != this.schedulers.Length - 1)
                            throw new ArgumentException(
                                $"SequentialLR: {this.schedulers.Length} schedules need {this.schedulers.Length - 1} milestones, got {this.milestones.Length}",
                                nameof(milestones));
                        for (var k = 0; k < this.milestones.Length; k++)
                            if (this.milestones[k] < 1 || (k > 0 && this.milestones[k] <= this.milestones[k - 1]))
                                throw new ArgumentException(
                                    $"SequentialLR: milestones must be positive and increasing, got [{string.Join(", ", this.milestones)}]",
                                    nameof(milestones));

                        // Each schedule took its step 0 when it was created: undo those, restore the base
                        // learning rate and restart only the first schedule.
                        last_epoch = 0;
                        optimizer.LearningRate = BaseLearningRate;
                        foreach (var s in this.schedulers) s.Rewind();
                        this.schedulers[0].InitialStep();
                        LastLearningRate = this.schedulers[0].get_last_lr()[0];
                    }

                    public override void step()
                    {
                        last_epoch++;
                        var k = 0;
                        while (k < milestones.Length && milestones[k] <= last_epoch) k++; // bisect_right
                        var current = schedulers[k];
                        if (k > 0 && milestones[k - 1] == last_epoch) current.StepTo(0);
                        else current.step();
                        LastLearningRate = current.get_last_lr()[0];
                    }
                }
            }
        }
    }
}
