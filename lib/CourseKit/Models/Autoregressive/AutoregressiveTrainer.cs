using static CourseKit.torch;

namespace CourseKit.Models;

/// <summary>
/// Maximum-likelihood training of an <see cref="AutoregressiveModel"/>: every step minimises the
/// exact negative log-likelihood (<see cref="BernoulliPixels.NegativeLogLikelihood"/>) averaged over
/// the batch. Teacher forcing: all D conditionals are trained in parallel from the true pixels, which
/// is why training is fast while sampling is sequential.
/// </summary>
public static class AutoregressiveTrainer
{
    /// <summary>One optimizer step on the batch x (B, 1, H, W) of 0/1 pixels; returns the batch's mean NLL in nats per image.</summary>
    public static double Step(AutoregressiveModel model, optim.Optimizer optimizer, Tensor x)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(optimizer);
        ArgumentNullException.ThrowIfNull(x);
        using var scope = NewDisposeScope();                                  // frees this step's tensors
        x = x.to(model.DType, model.Device);                                               // (B, 1, H, W)
        var loss = BernoulliPixels.NegativeLogLikelihood(model.call(x), x).mean();
        optimizer.zero_grad();
        loss.backward();
        optimizer.step();
        return loss.item<float>();
    }

    /// <summary>
    /// One optimizer step of a class-conditional <see cref="GatedPixelCnn"/> on the batch x (B, 1, H, W) of 0/1
    /// pixels with labels y (B): minimises −log p(x | y) averaged over the batch; returns it in nats per image.
    /// </summary>
    public static double Step(GatedPixelCnn model, optim.Optimizer optimizer, Tensor x, Tensor y)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(optimizer);
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        using var scope = NewDisposeScope();                                  // frees this step's tensors
        x = x.to(model.DType, model.Device);                                  // (B, 1, H, W)
        var loss = BernoulliPixels.NegativeLogLikelihood(model.forward(x, y), x).mean();
        optimizer.zero_grad();
        loss.backward();
        optimizer.step();
        return loss.item<float>();
    }

    /// <summary>One pass over <paramref name="loader"/> in training mode; returns the mean NLL (nats per image) of each step.</summary>
    public static List<double> TrainEpoch(AutoregressiveModel model, IEnumerable<(Tensor x, Tensor y)> loader, optim.Optimizer optimizer)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(loader);
        model.train();
        var log = new List<double>();
        foreach (var (x, _) in loader) log.Add(Step(model, optimizer, x));
        return log;
    }

    /// <summary>One pass over <paramref name="loader"/>'s images and labels for a class-conditional model; returns the mean NLL (nats per image) of each step.</summary>
    public static List<double> TrainEpoch(GatedPixelCnn model, IEnumerable<(Tensor x, Tensor y)> loader, optim.Optimizer optimizer)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(loader);
        if (!model.Conditional) return TrainEpoch((AutoregressiveModel)model, loader, optimizer);
        model.train();
        var log = new List<double>();
        foreach (var (x, y) in loader) log.Add(Step(model, optimizer, x, y));
        return log;
    }
}
