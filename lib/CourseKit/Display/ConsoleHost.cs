namespace CourseKit.Display;

/// <summary>The host outside notebooks: prints the <c>text/plain</c> representation to the console.</summary>
public sealed class ConsoleHost : IDisplayHost
{
    public static readonly ConsoleHost Instance = new();

    private ConsoleHost() { }

    public bool UpdatesInPlace => false;

    public CancellationToken Cancellation => CancellationToken.None;

    public DisplayHandle Display(object? value, IReadOnlyList<string> mimeTypes)
    {
        Print(value);
        return new DisplayHandle(Print);
    }

    private static void Print(object? value) => Console.Out.WriteLine(DisplayOutput.From(value).Text);
}
