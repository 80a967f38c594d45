using System.Diagnostics;
using CourseKit.Notebooks.Format;

namespace CourseKit.Notebooks.Execution;

/// <summary>
/// An exception as an nbformat error output: the exception type's name, its message, and a
/// traceback whose frames inside notebook cells read <c>at cell N, line L</c>. Frames of the
/// scripting machinery are left out; inner exceptions follow their outer one.
/// </summary>
internal static class Traceback
{
    /// <summary>Type-name prefixes of frames that only show the scripting and async machinery.</summary>
    private static readonly string[] Hidden =
    [
        "Microsoft.CodeAnalysis.", "Submission#", "System.Runtime.CompilerServices.", "System.Runtime.ExceptionServices.",
        "System.Threading.Tasks.", "System.Threading.ExecutionContext",
    ];

    public static ErrorOutput Of(Exception exception, Func<string?, int?> cellOfFile)
    {
        var lines = new List<string>();
        for (var e = exception; e is not null; e = e.InnerException)
        {
            lines.Add((e == exception ? "" : "---> ") + $"{e.GetType().FullName}: {e.Message}");
            foreach (var frame in new StackTrace(e, fNeedFileInfo: true).GetFrames())
            {
                var method = frame.GetMethod();
                if (cellOfFile(frame.GetFileName()) is { } cell)
                    lines.Add($"   at cell {cell}, line {frame.GetFileLineNumber()}");
                else if (method?.DeclaringType is { } type && !Hidden.Any(h => type.FullName!.StartsWith(h, StringComparison.Ordinal)))
                    lines.Add($"   at {type.FullName}.{method.Name}");
            }
        }
        return new ErrorOutput(exception.GetType().Name, exception.Message, lines);
    }
}
