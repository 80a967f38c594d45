using static CourseKit.torch;

namespace CourseKit.Data;

/// <summary>
/// One split of an MNIST-style dataset (MNIST or Fashion-MNIST), held in memory as two
/// tensors. The dataset owns them: they belong to no dispose scope and are freed by
/// <see cref="Dispose"/>. Made by <see cref="datasets.MNIST"/> and <see cref="datasets.FashionMNIST"/>.
/// </summary>
public sealed class MnistDataset : IDisposable
{
    internal MnistDataset(string name, bool train, Tensor images, Tensor labels, IReadOnlyList<string> classes)
    {
        Name = name;
        Train = train;
        Images = images.DetachFromDisposeScope();
        Labels = labels.DetachFromDisposeScope();
        Classes = classes;
        Count = labels.size(0);
    }

    /// <summary>"MNIST" or "FashionMNIST".</summary>
    public string Name { get; }

    /// <summary>True for the training split, false for the test split.</summary>
    public bool Train { get; }

    /// <summary>The images, float32 in [0, 1] (pixel / 255): shape (N, 1, H, W), H = W = 28.</summary>
    public Tensor Images { get; }

    /// <summary>The class indices, int64 in [0, Classes.Count): shape (N).</summary>
    public Tensor Labels { get; }

    /// <summary>The number of examples N.</summary>
    public long Count { get; }

    /// <summary>The class names, indexed by label.</summary>
    public IReadOnlyList<string> Classes { get; }

    public void Dispose()
    {
        Images.Dispose();
        Labels.Dispose();
    }

    public override string ToString()
    {
        var shape = Images.IsInvalid ? "disposed" : $"images [{string.Join(", ", Images.shape)}]";
        return $"{Name} {(Train ? "train" : "test")}: {Count} examples, {shape}, {Classes.Count} classes";
    }
}
