namespace CourseKit.Cli;

/// <summary>Settings of <c>coursekit train-classifier</c>; defaults give a one-epoch CPU run of about half a minute.</summary>
internal sealed record ClassifierOptions
{
    public string Dataset { get; init; } = "mnist";
    public int Epochs { get; init; } = 1;
    public int BatchSize { get; init; } = 64;
    /// <summary>Adam's step size (Kingma &amp; Ba 2015 suggest 1e-3).</summary>
    public double LearningRate { get; init; } = 1e-3;
    public int Seed { get; init; } = 0;
    public int? Threads { get; init; }

    /// <summary>Parses <c>--name value</c> pairs; an unknown or malformed option is an error that names it.</summary>
    public static ClassifierOptions Parse(string[] args)
    {
        var options = new ClassifierOptions();
        for (var k = 0; k < args.Length; k += 2)
        {
            var name = args[k];
            var value = k + 1 < args.Length ? args[k + 1] : throw new ArgumentException($"option {name} needs a value");
            options = name switch
            {
                "--dataset" => options with { Dataset = value },
                "--epochs" => options with { Epochs = PositiveInt(name, value) },
                "--batch-size" => options with { BatchSize = PositiveInt(name, value) },
                "--lr" => options with { LearningRate = double.Parse(value, System.Globalization.CultureInfo.InvariantCulture) },
                "--seed" => options with { Seed = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture) },
                "--threads" => options with { Threads = PositiveInt(name, value) },
                _ => throw new ArgumentException($"unknown option {name}"),
            };
        }
        return options;
    }

    private static int PositiveInt(string name, string value) =>
        int.TryParse(value, out var n) && n > 0 ? n : throw new ArgumentException($"option {name} needs a positive integer, got '{value}'");
}
