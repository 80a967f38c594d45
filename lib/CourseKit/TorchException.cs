namespace CourseKit;

/// <summary>
/// A libtorch operation failed (wrong shapes, dtypes, devices, ...). The message names the
/// operator and the arguments it was given; the process and the notebook kernel keep running.
/// </summary>
public sealed class TorchException : Exception
{
    public TorchException(string operation, string nativeMessage)
        : base($"{operation} failed: {FirstLines(nativeMessage)}")
    {
        Operation = operation;
        NativeMessage = nativeMessage;
    }

    /// <summary>The operator and its arguments, e.g. <c>aten::mm(Tensor[2, 3] float32, Tensor[4, 5] float32)</c>.</summary>
    public string Operation { get; }

    /// <summary>libtorch's own message.</summary>
    public string NativeMessage { get; }

    private static string FirstLines(string message)
    {
        // libtorch sometimes appends C++ frames after the message; students need the message.
        var lines = message.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return string.Join(" ", lines.TakeWhile(l => !l.StartsWith("Exception raised from", StringComparison.Ordinal)).Take(4)).Trim();
    }
}
