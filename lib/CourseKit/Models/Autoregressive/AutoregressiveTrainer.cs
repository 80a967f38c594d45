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
        return Minimise(model, optimizer, x, model.call);
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
        return Minimise(model, optimizer, x, pixels => model.forward(pixels, y));
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

    /// <summary>One optimizer step on the mean NLL of x under <paramref name="logitsOf"/> (x ↦ ℓ, both (B, 1, H, W)), x moved to the model's device and type.</summary>
    private static double Minimise(AutoregressiveModel model, optim.Optimizer optimizer, Tensor x, Func<Tensor, Tensor> logitsOf)
    {
        using var scope = NewDisposeScope();                                  // frees this step's tensors
        x = x.to(model.DType, model.Device);                                  // (B, 1, H, W)
        var loss = BernoulliPixels.NegativeLogLikelihood(logitsOf(x), x).mean();
        optimizer.zero_grad();
        loss.backward();
        optimizer.step();
        return loss.item<float>();
    }
}
