using CourseKit.Data;
using CourseKit.Losses;
using static CourseKit.torch;

namespace CourseKit.Models;

/// <summary>
/// The VAE training loop, short enough to read in full: each step draws z = μ + σ ⊙ ε, computes
/// the negative ELBO (reconstruction + β · KL, per example, averaged over the batch), and takes
/// one optimizer step on it (Kingma &amp; Welling 2014, algorithm 1, with M = batch size, L = 1).
/// </summary>
public static class VaeTrainer
{
    /// <summary>
    /// One training step on the batch <paramref name="x"/> (B, D) or (B, C, H, W); returns the batch's
    /// ELBO terms. The batch is moved to <paramref name="device"/> first (by default the model's).
    /// </summary>
    public static VaeStepLog Step(VariationalAutoencoder model, optim.Optimizer optimizer, Tensor x, double beta = 1, long step = 0,
        Device? device = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(optimizer);
        ArgumentNullException.ThrowIfNull(x);
        using var scope = NewDisposeScope();                                 // frees this step's tensors
        x = TrainerDevice.Move(x, device ?? model.Device);
        var o = model.call(x);                                               // Recon, Mu, LogVar, Z
        var loss = Elbo.Negative(model.LogLikelihood(x, o.Recon), o.Mu, o.LogVar, beta);   // per example, (B)
        var total = loss.Total.mean();
        optimizer.zero_grad();
        total.backward();
        optimizer.step();
        var means = stack([loss.Reconstruction.mean(), loss.Kl.mean(), total.detach()]).ToArray<float>();
        return new VaeStepLog(step, means[0], means[1], means[2]);
    }

    /// <summary>
    /// One pass over <paramref name="loader"/> (in training mode); returns one log per step,
    /// numbered from <paramref name="firstStep"/> (pass the number of steps already taken to
    /// number a whole run continuously). Batches are moved to <paramref name="device"/> (by default the model's).
    /// </summary>
    public static List<VaeStepLog> TrainEpoch(VariationalAutoencoder model, DataLoader loader, optim.Optimizer optimizer,
        double beta = 1, long firstStep = 0, Device? device = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(loader);
        model.train();
        var log = new List<VaeStepLog>();
        foreach (var (x, _) in loader)
            log.Add(Step(model, optimizer, x, beta, firstStep + log.Count, device));
        return log;
    }
}
