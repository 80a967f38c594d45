using static CourseKit.torch;

namespace CourseKit.Modules;

/// <summary>
/// A lookup table: integer indices (*) to rows of weight (num_embeddings, embedding_dim), giving
/// (*, embedding_dim). The weight starts as N(0, 1) samples, as in PyTorch; the row at padding_idx
/// starts at zero and receives no gradient.
/// </summary>
public sealed class Embedding : nn.Module<Tensor, Tensor>
{
    public Embedding(long num_embeddings, long embedding_dim, long? padding_idx = null)
    {
        if (num_embeddings <= 0 || embedding_dim <= 0)
            throw new ArgumentException($"Embedding: num_embeddings and embedding_dim must be positive, got {num_embeddings} and {embedding_dim}");
        if (padding_idx is long p && (p >= num_embeddings || p < -num_embeddings))
            throw new ArgumentException($"Embedding: padding_idx {p} is outside the {num_embeddings} embeddings");
        this.num_embeddings = num_embeddings;
        this.embedding_dim = embedding_dim;
        this.padding_idx = padding_idx is long q && q < 0 ? q + num_embeddings : padding_idx;
        weight = new nn.Parameter(empty([num_embeddings, embedding_dim]));   // (num_embeddings, dim)
        nn.init.normal_(weight);
        if (this.padding_idx is long row)
            using (no_grad())
            using (var padding = weight[row])
                padding.zero_();
        register_parameter("weight", weight);
    }

    public long num_embeddings { get; }
    public long embedding_dim { get; }
    public long? padding_idx { get; }
    public nn.Parameter weight { get; }

    public override Tensor forward(Tensor input) => nn.functional.embedding(input, weight, padding_idx);   // (*, dim)

    protected override string extra_repr() =>
        $"{num_embeddings}, {embedding_dim}" + (padding_idx is long p ? $", padding_idx={p}" : "");
}
