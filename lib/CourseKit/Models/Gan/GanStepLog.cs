namespace CourseKit.Models;

/// <summary>One generator step of <see cref="GanTrainer"/>.</summary>
/// <param name="Step">Generator steps taken before this one.</param>
/// <param name="DiscriminatorLoss">D's (or the critic's) loss in its last inner step, penalty included.</param>
/// <param name="GeneratorLoss">G's loss.</param>
/// <param name="GeneratorGradNorm">‖∇_θ L_G‖₂ over all of G's weights, before the optimizer step.</param>
/// <param name="GradientPenalty">The penalty term of the last critic step (WGAN-GP), else 0.</param>
public sealed record GanStepLog(long Step, double DiscriminatorLoss, double GeneratorLoss, double GeneratorGradNorm, double GradientPenalty);
