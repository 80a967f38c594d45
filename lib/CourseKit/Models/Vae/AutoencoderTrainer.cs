using CourseKit.Data;
using static CourseKit.torch;

namespace CourseKit.Models;

/// <summary>
/// The autoencoder's training loop: minimise the reconstruction term -log p(x | x̂) alone, the
/// same term a VAE's loss starts with, without the KL that shapes the code distribution.
/// </summary>
public static class AutoencoderTrainer
{
    /// <summary>
    /// One training step on the batch <paramref name="x"/>; returns the batch's mean -log p(x | x̂) in nats.
    /// The batch is moved to <paramref name="device"/> first (by default the model's).
    /// </summary>
    public static double Step(Autoencoder model, optim.Optimizer optimizer, Tensor x, Device? device = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(optimizer);
        ArgumentNullException.ThrowIfNull(x);
        using var scope = NewDisposeScope();
        x = TrainerDevice.Move(x, device ?? model.Device);
        var o = model.call(x);                                               // Recon, Z
        var loss = model.LogLikelihood(x, o.Recon).mean().neg();             // mean -log p(x | x̂)
        optimizer.zero_grad();
        loss.backward();
        optimizer.step();
        return loss.item<float>();
    }

    /// <summary>
    /// One pass over <paramref name="loader"/> (in training mode); returns each step's reconstruction loss.
    /// Batches are moved to <paramref name="device"/> (by default the model's).
    /// </summary>
    public static List<double> TrainEpoch(Autoencoder model, DataLoader loader, optim.Optimizer optimizer, Device? device = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(loader);
        model.train();
        var log = new List<double>();
        foreach (var (x, _) in loader) log.Add(Step(model, optimizer, x, device));
        return log;
    }
}
