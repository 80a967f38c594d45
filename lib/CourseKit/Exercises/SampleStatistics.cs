namespace CourseKit.Exercises;

/// <summary>
/// Per-column statistics of samples laid out as (N, Z), row-major: mean, standard deviation
/// (unbiased), whether all rows are equal, and the largest Pearson correlation between two columns.
/// </summary>
internal sealed class SampleStatistics
{
    public SampleStatistics(double[] values, int columns)
    {
        var rows = values.Length / columns;
        NonFinite = values.Any(v => !double.IsFinite(v));
        Mean = new double[columns];
        Std = new double[columns];
        if (NonFinite || rows < 2) return;
        for (var j = 0; j < columns; j++)
        {
            double sum = 0, square = 0;
            for (var i = 0; i < rows; i++) sum += values[i * columns + j];
            Mean[j] = sum / rows;
            for (var i = 0; i < rows; i++) square += Math.Pow(values[i * columns + j] - Mean[j], 2);
            Std[j] = Math.Sqrt(square / (rows - 1));
        }
        RowsEqual = Enumerable.Range(1, rows - 1).All(i => values.AsSpan(i * columns, columns).SequenceEqual(values.AsSpan(0, columns)));
        for (var j = 0; j < columns; j++)
            for (var k = j + 1; k < columns; k++)
            {
                if (Std[j] == 0 || Std[k] == 0) continue;
                double product = 0;
                for (var i = 0; i < rows; i++) product += (values[i * columns + j] - Mean[j]) * (values[i * columns + k] - Mean[k]);
                MaxCorrelation = Math.Max(MaxCorrelation, Math.Abs(product / ((rows - 1) * Std[j] * Std[k])));
            }
    }

    public bool NonFinite { get; }

    public double[] Mean { get; }

    public double[] Std { get; }

    public bool RowsEqual { get; }

    public double MaxCorrelation { get; }
}
