using System.Text;

namespace CourseKit.Notebooks.Execution;

/// <summary>
/// Captures console output per cell. Installed once per process, it replaces <c>Console.Out</c> and
/// <c>Console.Error</c> by writers that send text to the cell recorder of the current thread (and the
/// tasks it starts), and to the real console everywhere else.
/// </summary>
internal static class ConsoleCapture
{
    private static readonly AsyncLocal<CellRecorder?> Current = new();
    private static readonly object InstallGate = new();
    private static bool installed;

    /// <summary>Routes this thread's console output to <paramref name="recorder"/> until disposed.</summary>
    public static IDisposable To(CellRecorder recorder)
    {
        Install();
        var previous = Current.Value;
        Current.Value = recorder;
        return new Restore(previous);
    }

    private static void Install()
    {
        lock (InstallGate)
        {
            if (installed) return;
            Console.SetOut(new RoutingWriter("stdout", Console.Out));
            Console.SetError(new RoutingWriter("stderr", Console.Error));
            installed = true;
        }
    }

    private sealed class Restore(CellRecorder? previous) : IDisposable
    {
        public void Dispose() => Current.Value = previous;
    }

    private sealed class RoutingWriter(string stream, TextWriter console) : TextWriter
    {
        public override Encoding Encoding => console.Encoding;

        public override void Write(char value) => Write(value.ToString());

        public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

        public override void Write(string? value)
        {
            if (value is null) return;
            if (Current.Value is { } recorder) recorder.Write(stream, value);
            else console.Write(value);
        }

        public override void Flush()
        {
            if (Current.Value is null) console.Flush();
        }
    }
}
