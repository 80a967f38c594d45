using System.Reflection;
using System.Runtime.CompilerServices;
using Plotly.NET;

namespace CourseKit.Display;

/// <summary>
/// Makes any Plotly.NET chart a student builds (<see cref="GenericChart"/>) display as an interactive
/// figure in a .NET Interactive kernel: when CourseKit is loaded into one, it registers, by reflection
/// (CourseKit does not reference the kernel), a formatter that writes the figure as plotly.js JSON
/// (<c>application/vnd.plotly.v1+json</c>) and makes that the chart's preferred MIME type next to
/// <c>text/plain</c>. Both have formatters, as .NET Interactive requires (see <see cref="RichDisplayFormatterSource"/>).
/// Such a chart has no static image (CourseKit charts do: <see cref="Charts.Chart.ToDisplay"/>).
/// </summary>
internal static class PlotlyChartDisplay
{
    private const string FormattingAssembly = "Microsoft.DotNet.Interactive.Formatting";

#pragma warning disable CA2255   // a library module initializer, on purpose: it only registers a formatter when a kernel hosts CourseKit
    [ModuleInitializer]
    internal static void RegisterInKernel()
#pragma warning restore CA2255
    {
        var formatter = AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(a => a.GetName().Name == FormattingAssembly)
            ?.GetType(FormattingAssembly + ".Formatter");
        if (formatter is null) return;
        try { Register(formatter); }
        catch (Exception e) when (e is TargetInvocationException or MissingMethodException or ArgumentException)
        {
            Console.Error.WriteLine($"CourseKit: Plotly.NET charts will show as text: registering their notebook formatter failed ({e.GetBaseException().Message})");
        }
    }

    internal static void Register(Type formatter)
    {
        var register = formatter.GetMethod("Register", BindingFlags.Public | BindingFlags.Static, [typeof(Type), typeof(Action<object, TextWriter>), typeof(string)])
                       ?? throw new MissingMethodException(formatter.FullName, "Register(Type, Action<object, TextWriter>, string)");
        var prefer = formatter.GetMethod("SetPreferredMimeTypesFor", BindingFlags.Public | BindingFlags.Static, [typeof(Type), typeof(string[])])
                     ?? throw new MissingMethodException(formatter.FullName, "SetPreferredMimeTypesFor(Type, string[])");
        var write = (Action<object, TextWriter>)Write;
        // GenericChart is an F# union: the values are instances of its nested case classes.
        foreach (var type in typeof(GenericChart).GetNestedTypes().Where(t => t.IsSubclassOf(typeof(GenericChart))).Prepend(typeof(GenericChart)))
        {
            register.Invoke(null, [type, write, DisplayOutput.PlotlyJson]);
            prefer.Invoke(null, [type, new[] { DisplayOutput.PlotlyJson, DisplayOutput.PlainText }]);
        }
    }

    private static void Write(object chart, TextWriter writer)
    {
        if (chart is GenericChart figure) writer.Write(GenericChart.toFigureJson(figure));
    }
}
