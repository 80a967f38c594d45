using CourseKit.Data;
using CourseKit.Losses;
using static CourseKit.torch;

namespace CourseKit.Models;

/// <summary>
/// Held-out scores of a VAE, without gradient: the negative ELBO (a bound) and the
/// importance-weighted estimate of log p(x) with k samples (Burda et al. 2016), which
/// approaches the likelihood itself as k grows.
/// </summary>
public static class VaeEvaluation
{
    /// <summary>The mean negative ELBO (and its terms) over every batch of <paramref name="loader"/>.</summary>
    public static ElboSummary NegativeElbo(VariationalAutoencoder model, DataLoader loader) =>
        Summarise(model, loader.Select(batch => batch.x));

    /// <summary>The mean negative ELBO (and its terms) of examples <paramref name="x"/> (N, ...), in batches of <paramref name="batchSize"/>.</summary>
    public static ElboSummary NegativeElbo(VariationalAutoencoder model, Tensor x, int batchSize = 500)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (batchSize < 1)
            throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, $"VaeEvaluation.NegativeElbo: batchSize must be at least 1, got {batchSize}");
        var batches = x.split(batchSize);
        try
        {
            return Summarise(model, batches);
        }
        finally
        {
            foreach (var b in batches) b.Dispose();
        }
    }

    private static ElboSummary Summarise(VariationalAutoencoder model, IEnumerable<Tensor> batches)
    {
        ArgumentNullException.ThrowIfNull(model);
        double reconstruction = 0, kl = 0;
        long count = 0;
        using (EvaluationMode(model))
            foreach (var x in batches)
            {
                using var scope = NewDisposeScope();
                var o = model.call(x);
                var loss = Elbo.Negative(model.LogLikelihood(x, o.Recon), o.Mu, o.LogVar);
                reconstruction += loss.Reconstruction.sum().item<double>();
                kl += loss.Kl.sum().item<double>();
                count += x.size(0);
            }
        if (count == 0) throw new ArgumentException("VaeEvaluation.NegativeElbo: no examples to evaluate");
        return new ElboSummary(reconstruction / count, kl / count, (reconstruction + kl) / count, count);
    }

    /// <summary>
    /// The importance-weighted estimate of log p(x) per example, (B), for x (B, D) or (B, C, H, W):
    /// <code>
    /// log p(x) ≈ log (1/k) Σ_{i=1..k} p(x | z_i) p(z_i) / q(z_i | x),   z_i ~ q(z | x)
    /// </code>
    /// (<see cref="ImportanceWeighted"/>). The k samples are drawn <paramref name="samplesPerChunk"/>
    /// at a time, so memory grows with samplesPerChunk · B, not k · B; the chunks' log-sum-exps are
    /// combined with one more log-sum-exp, which gives the same value as one chunk of k.
    /// </summary>
    public static Tensor LogMarginal(VariationalAutoencoder model, Tensor x, int k, int samplesPerChunk = 100)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (k < 1) throw new ArgumentOutOfRangeException(nameof(k), k, $"VaeEvaluation.LogMarginal: k must be at least 1, got {k}");
        if (samplesPerChunk < 1)
            throw new ArgumentOutOfRangeException(nameof(samplesPerChunk), samplesPerChunk,
                $"VaeEvaluation.LogMarginal: samplesPerChunk must be at least 1, got {samplesPerChunk}");
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var (mu, logvar) = model.Encode(x);                                  // (B, Z) each
        long b = mu.size(0), zSize = mu.size(1);
        var perExample = x.shape[1..];
        var chunks = new List<Tensor>();
        for (var start = 0; start < k; start += samplesPerChunk)
        {
            long kc = Math.Min(samplesPerChunk, k - start);
            using var chunkScope = NewDisposeScope();
            var muK = mu.unsqueeze(0).expand(kc, b, zSize).reshape(kc * b, zSize);           // (kc·B, Z)
            var logvarK = logvar.unsqueeze(0).expand(kc, b, zSize).reshape(kc * b, zSize);   // (kc·B, Z)
            var xK = x.unsqueeze(0).expand([kc, b, .. perExample]).reshape([kc * b, .. perExample]);   // (kc·B, ...)
            var z = model.Reparameterize(muK, logvarK);                                      // (kc·B, Z)
            var decoded = model.Decode(z).reshape(xK.shape);                                 // (kc·B, ...)
            var logW = ImportanceWeighted.LogWeights(model.LogLikelihood(xK, decoded), z, muK, logvarK);   // (kc·B)
            chunks.Add(logW.view(kc, b).logsumexp(0).MoveToOuterDisposeScope());            // (B)
        }
        var estimate = stack(chunks).logsumexp(0).sub(Math.Log(k));                          // (B)
        return estimate.MoveToOuterDisposeScope();
    }

    /// <summary>The mean importance-weighted estimate of log p(x) (nats) over every batch of <paramref name="loader"/>.</summary>
    public static double MeanLogMarginal(VariationalAutoencoder model, DataLoader loader, int k, int samplesPerChunk = 100)
    {
        ArgumentNullException.ThrowIfNull(loader);
        double sum = 0;
        long count = 0;
        using (EvaluationMode(model))
            foreach (var (x, _) in loader)
            {
                using var estimate = LogMarginal(model, x, k, samplesPerChunk);
                sum += estimate.sum().item<double>();
                count += x.size(0);
            }
        return count > 0 ? sum / count : throw new ArgumentException("VaeEvaluation.MeanLogMarginal: the loader holds no examples");
    }

    /// <summary>Evaluation mode and no gradient until disposed; then the model's previous mode again.</summary>
    private static IDisposable EvaluationMode(VariationalAutoencoder model)
    {
        var wasTraining = model.training;
        var noGrad = no_grad();
        model.eval();
        return new Restore(() =>
        {
            model.train(wasTraining);
            noGrad.Dispose();
        });
    }

    private sealed class Restore(Action restore) : IDisposable
    {
        public void Dispose() => restore();
    }
}
