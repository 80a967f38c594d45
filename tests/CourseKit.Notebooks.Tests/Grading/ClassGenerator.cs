using CourseKit.Notebooks.Format;
using CourseKit.Notebooks.Grading;

namespace CourseKit.Notebooks.Tests.Grading;

/// <summary>One kind of submission of notebook 03 and the score it must get (3 graded tests of 2 points).</summary>
/// <param name="Name">The kind, e.g. "kl-sign".</param>
/// <param name="ExpectedScore">Its exact expected score.</param>
/// <param name="Cells">The solution (or other) cells the kind writes, by cell id; the rest is the correct solution.</param>
internal sealed record SubmissionKind(string Name, double ExpectedScore, IReadOnlyDictionary<string, string> Cells);

/// <summary>
/// Generates a class of submissions of notebook 03 from its source: the release (what students get)
/// with the solution cells written correctly, with a typical mistake, left blank, or sabotaged (an
/// endless loop, a stack overflow, Environment.Exit, unbounded allocation, a changed locked cell, a
/// forbidden library call), each with its exact expected score.
/// </summary>
internal static class ClassGenerator
{
    public const string Kl = "vae-09", Reparameterize = "vae-12", Elbo = "vae-15", KlCheck = "vae-10";

    private const string KlHead = "Tensor Kl(Tensor mu, Tensor logvar)\n{\n";
    private const string RepHead = "Tensor Reparameterize(Tensor mu, Tensor logvar)\n{\n";
    private const string ElboHead = "Tensor NegativeElbo(Tensor x, Tensor logits, Tensor mu, Tensor logvar)\n{\n";

    private static Dictionary<string, string> Cells(params (string Id, string Code)[] cells) => cells.ToDictionary(c => c.Id, c => c.Code);

    /// <summary>Every kind, in the order of the small class (one of each).</summary>
    public static IReadOnlyList<SubmissionKind> Kinds { get; } =
    [
        new("correct", 6, Cells()),
        new("blank", 0, Cells((Kl, "BLANK"), (Reparameterize, "BLANK"), (Elbo, "BLANK"))),
        // A wrong Kl also makes the NegativeElbo built on it wrong: both tests fail.
        new("kl-sign", 2, Cells((Kl, KlHead + "    return ((mu.pow(2) + logvar.exp() - logvar - 1) * -0.5).sum(1);\n}"))),
        new("kl-mean", 2, Cells((Kl, KlHead + "    return ((mu.pow(2) + logvar.exp() - logvar - 1) * 0.5).mean(1);\n}"))),
        new("kl-compile-error", 2, Cells((Kl, KlHead + "    return ((mu.pow(2) + logvar.exp() - logvar - 1) * 0.5).sum(1)\n}"))),
        new("rep-variance", 4, Cells((Reparameterize, RepHead + "    return mu + logvar.exp() * randn_like(mu);\n}"))),
        new("rep-detached", 4, Cells((Reparameterize, RepHead + "    return (mu + (logvar * 0.5).exp() * randn_like(mu)).detach();\n}"))),
        new("rep-reseeds", 4, Cells((Reparameterize, RepHead + "    manual_seed(0);\n    return mu + (logvar * 0.5).exp() * randn_like(mu);\n}"))),
        new("elbo-pixel-mean", 4, Cells((Elbo, ElboHead + "    return nn.functional.binary_cross_entropy_with_logits(logits, x, reduction: \"none\").mean(1) + Kl(mu, logvar);\n}"))),
        new("elbo-batch-mean", 4, Cells((Elbo, ElboHead + "    return (nn.functional.binary_cross_entropy_with_logits(logits, x, reduction: \"none\").sum(1) + Kl(mu, logvar)).mean();\n}"))),
        new("elbo-detached", 4, Cells((Elbo, ElboHead + "    return (nn.functional.binary_cross_entropy_with_logits(logits, x, reduction: \"none\").sum(1) + Kl(mu, logvar)).detach();\n}"))),
        new("infinite-loop", 4, Cells((Reparameterize, RepHead + "    while (mu.numel() > 0) { }\n    return mu;\n}"))),
        new("stack-overflow", 4, Cells((Elbo, ElboHead + "    return NegativeElbo(x, logits, mu, logvar) + 1;\n}"))),
        new("environment-exit", 4, Cells((Elbo, ElboHead + "    Environment.Exit(3);\n    return x;\n}"))),
        new("unbounded-allocation", 4, Cells((Reparameterize, RepHead + "    var hoard = new List<Tensor>();\n    while (true) hoard.Add(ones(1L << 24));\n}"))),
        new("tampered-check", 4, Cells((KlCheck, "CheckResult.Pass(\"KL divergence\", \"all good\")"))),
        new("forbidden-call", 4, Cells((Kl, KlHead + "    return CourseKit.Losses.GaussianKl.ToStandardNormal(mu, logvar);\n}"))),
    ];

    /// <summary>How many of each kind make a class of 200 (sabotage is rarer than honest mistakes, and costs the grader the most time).</summary>
    public static IReadOnlyList<(SubmissionKind Kind, int Count)> ClassOf200()
    {
        var counts = new Dictionary<string, int>
        {
            ["correct"] = 70, ["blank"] = 15, ["kl-sign"] = 10, ["kl-mean"] = 10, ["kl-compile-error"] = 8, ["rep-variance"] = 10,
            ["rep-detached"] = 10, ["rep-reseeds"] = 8, ["elbo-pixel-mean"] = 10, ["elbo-batch-mean"] = 10, ["elbo-detached"] = 8,
            ["infinite-loop"] = 4, ["stack-overflow"] = 4, ["environment-exit"] = 4, ["unbounded-allocation"] = 3,
            ["tampered-check"] = 8, ["forbidden-call"] = 8,
        };
        return Kinds.Select(k => (k, counts[k.Name])).ToArray();
    }

    /// <summary>
    /// Writes one submission per entry of <paramref name="kinds"/> (<c>NNN-kind.ipynb</c>) to <paramref name="folder"/>,
    /// made from the release of <paramref name="source"/>; returns each student's expected score.
    /// </summary>
    public static IReadOnlyDictionary<string, double> Write(string source, IReadOnlyList<(SubmissionKind Kind, int Count)> kinds, string folder)
    {
        var instructor = NotebookReader.Load(source);
        var release = Assignment.Make(instructor).Release;
        var correct = instructor.Cells.Where(c => ExerciseCell.Read(c).Solution).ToDictionary(c => c.Id, c => WithoutMarkers(c.Source));
        var expected = new Dictionary<string, double>();
        var n = 0;
        // Kinds interleaved (one of each, then the next round), so any stretch of the class mixes them.
        var order = Enumerable.Range(0, kinds.Max(k => k.Count)).SelectMany(round => kinds.Where(k => k.Count > round).Select(k => k.Kind));
        foreach (var kind in order)
        {
            var student = $"{++n:000}-{kind.Name}";
            var cells = release.Cells.Select(c =>
            {
                var code = kind.Cells.TryGetValue(c.Id, out var mine) ? mine : correct.GetValueOrDefault(c.Id);
                return code is null or "BLANK" ? c : new NotebookCell(c.Kind, c.Id, code, c.Metadata);
            }).ToList();
            NotebookWriter.Save(new NotebookDocument(cells, release.Metadata) { Name = student }, Path.Combine(folder, student + ".ipynb"));
            expected[student] = kind.ExpectedScore;
        }
        return expected;
    }

    private static string WithoutMarkers(string source) =>
        string.Concat(TextLines.Split(source).Where(l => !l.TrimStart().StartsWith("// BEGIN SOLUTION", StringComparison.Ordinal) &&
                                                        !l.TrimStart().StartsWith("// END SOLUTION", StringComparison.Ordinal)));
}
