using System.Reflection;

namespace CourseKit.Display;

/// <summary>
/// The host inside a .NET Interactive (Polyglot Notebooks) kernel, reached by reflection so that
/// CourseKit needs no reference to it: values go to <c>Microsoft.DotNet.Interactive.Kernel.display</c>
/// (which formats CourseKit types through <see cref="RichDisplayFormatterSource"/>), updates to the
/// returned <c>DisplayedValue.Update</c>, and the cancellation token is the current
/// <c>KernelInvocationContext</c>'s. Only used while a kernel command is running.
/// </summary>
internal sealed class KernelHost : IDisplayHost
{
    private const string AssemblyName = "Microsoft.DotNet.Interactive";
    private readonly MethodInfo display;
    private readonly PropertyInfo currentContext;

    internal KernelHost(Type kernel, Type invocationContext)
    {
        display = kernel.GetMethod("display", BindingFlags.Public | BindingFlags.Static, [typeof(object), typeof(string[])])
                  ?? throw new MissingMethodException(kernel.FullName, "display(object, string[])");
        currentContext = invocationContext.GetProperty("Current", BindingFlags.Public | BindingFlags.Static)
                         ?? throw new MissingMemberException(invocationContext.FullName, "Current");
    }

    /// <summary>The kernel host when a .NET Interactive kernel is loaded and running a command; otherwise null.</summary>
    public static KernelHost? TryFind()
    {
        var kernelHost = Loaded.Value;
        return kernelHost is not null && kernelHost.InCommand ? kernelHost : null;
    }

    private static readonly Lazy<KernelHost?> Loaded = new(() =>
    {
        var assembly = AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(a => a.GetName().Name == AssemblyName);
        var kernel = assembly?.GetType(AssemblyName + ".Kernel");
        var context = assembly?.GetType(AssemblyName + ".KernelInvocationContext");
        if (kernel is null || context is null) return null;
        try { return new KernelHost(kernel, context); }
        catch (MissingMemberException) { return null; }
    });

    internal bool InCommand => currentContext.GetValue(null) is not null;

    public bool UpdatesInPlace => true;

    public CancellationToken Cancellation =>
        currentContext.GetValue(null) is { } context &&
        context.GetType().GetProperty("CancellationToken")?.GetValue(context) is CancellationToken token
            ? token
            : CancellationToken.None;

    public DisplayHandle Display(object? value, IReadOnlyList<string> mimeTypes)
    {
        var shown = display.Invoke(null, [value, mimeTypes.ToArray()]);
        var update = shown?.GetType().GetMethod("Update", [typeof(object)]);
        return new DisplayHandle(v => update?.Invoke(shown, [v]));
    }
}
