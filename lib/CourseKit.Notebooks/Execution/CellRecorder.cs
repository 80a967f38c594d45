using System.Text;
using CourseKit.Display;
using CourseKit.Notebooks.Format;

namespace CourseKit.Notebooks.Execution;

/// <summary>
/// Collects one cell's outputs in order, from any thread: consecutive writes to the same stream
/// join into one stream output, displays keep their slot so that updates replace them in place.
/// After <see cref="Seal"/> (a timed-out cell) further writes are dropped.
/// </summary>
internal sealed class CellRecorder
{
    private readonly object gate = new();
    private readonly List<CellOutput> outputs = [];
    private readonly StringBuilder openText = new();
    private string? openStream;
    private bool isSealed;

    public void Write(string stream, string text)
    {
        lock (gate)
        {
            if (isSealed || text.Length == 0) return;
            if (openStream != stream) Flush();
            openStream = stream;
            openText.Append(text);
        }
    }

    /// <summary>Adds an output; returns its slot for <see cref="Replace"/>.</summary>
    public int Add(CellOutput output)
    {
        lock (gate)
        {
            if (isSealed) return -1;
            Flush();
            outputs.Add(output);
            return outputs.Count - 1;
        }
    }

    public void Replace(int slot, CellOutput output)
    {
        lock (gate)
        {
            if (!isSealed && slot >= 0) outputs[slot] = output;
        }
    }

    public void Seal()
    {
        lock (gate)
        {
            Flush();
            isSealed = true;
        }
    }

    public IReadOnlyList<CellOutput> Outputs
    {
        get
        {
            lock (gate)
            {
                Flush();
                return outputs.ToArray();
            }
        }
    }

    private void Flush()
    {
        if (openStream is null) return;
        outputs.Add(new StreamOutput(openStream, openText.ToString()));
        openText.Clear();
        openStream = null;
    }
}
