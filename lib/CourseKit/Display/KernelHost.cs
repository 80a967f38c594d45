using System.Reflection;

namespace CourseKit.Display;

/// <summary>
/// The host inside a .NET Interactive C# kernel (CourseKit's Jupyter kernel, Polyglot Notebooks),
/// reached by reflection so that CourseKit needs no reference to it (any kernel version can load
/// it): values go to <c>KernelInvocationContextExtensions.Display(KernelInvocationContext.Current, ...)</c>,
/// which formats CourseKit types through <see cref="RichDisplayFormatterSource"/>; updates go to the
/// returned <c>DisplayedValue.Update</c>; the cancellation token is the current context's. Not
/// <c>Kernel.display</c>: the value it returns carries a display id other than the one it published,
/// so its updates would not land on the shown output. Only used while a kernel command is running.
/// </summary>
internal sealed class KernelHost : IDisplayHost
{
    private const string AssemblyName = "Microsoft.DotNet.Interactive";
    private readonly MethodInfo display;
    private readonly PropertyInfo currentContext;

    internal KernelHost(Type contextExtensions, Type invocationContext)
    {
        display = contextExtensions.GetMethod("Display", BindingFlags.Public | BindingFlags.Static, [invocationContext, typeof(object), typeof(string[])])
                  ?? throw new MissingMethodException(contextExtensions.FullName, "Display(KernelInvocationContext, object, string[])");
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
        var extensions = assembly?.GetType(AssemblyName + ".KernelInvocationContextExtensions");
        var context = assembly?.GetType(AssemblyName + ".KernelInvocationContext");
        if (extensions is null || context is null) return null;
        try { return new KernelHost(extensions, context); }
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
        var context = currentContext.GetValue(null) ?? throw new InvalidOperationException("display: no kernel command is running");
        var shown = display.Invoke(null, [context, value, mimeTypes.ToArray()]);
        var update = shown?.GetType().GetMethod("Update", [typeof(object)]);
        return new DisplayHandle(v => update?.Invoke(shown, [v]));
    }
}
