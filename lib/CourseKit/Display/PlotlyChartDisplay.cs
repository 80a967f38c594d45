using System.Reflection;
using System.Runtime.CompilerServices;

namespace CourseKit.Display;

/// <summary>
/// Makes any Plotly.NET chart a student builds (<c>Plotly.NET.GenericChart</c>) display as an interactive
/// figure in a .NET Interactive kernel: when CourseKit is loaded into one, it registers, by reflection
/// (CourseKit does not reference the kernel), a formatter that writes the figure as plotly.js JSON
/// (<c>application/vnd.plotly.v1+json</c>) and makes that the chart's preferred MIME type next to
/// <c>text/plain</c>. Both have formatters, as .NET Interactive requires (see <see cref="RichDisplayFormatterSource"/>).
/// Such a chart has no static image (CourseKit charts do: <see cref="Charts.Chart.ToDisplay"/>).
/// <para>
/// A kernel can hold two copies of Plotly.NET: the one beside CourseKit.dll, loaded with it by <c>#r</c>
/// into the script compiler's load context, and the one <c>#r "nuget: Plotly.NET.CSharp"</c> brings into the
/// default context. Their <c>GenericChart</c> types differ, so the formatter is registered for every copy,
/// including copies loaded after CourseKit.
/// </para>
/// </summary>
internal static class PlotlyChartDisplay
{
    private const string FormattingAssembly = "Microsoft.DotNet.Interactive.Formatting";
    private const string PlotlyAssembly = "Plotly.NET";

#pragma warning disable CA2255   // a library module initializer, on purpose: it only registers a formatter when a kernel hosts CourseKit
    [ModuleInitializer]
    internal static void RegisterInKernel()
#pragma warning restore CA2255
    {
        var formatter = AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(a => a.GetName().Name == FormattingAssembly)
            ?.GetType(FormattingAssembly + ".Formatter");
        if (formatter is null) return;
        AppDomain.CurrentDomain.AssemblyLoad += (_, e) =>
        {
            if (e.LoadedAssembly.GetName().Name == PlotlyAssembly) TryRegister(formatter, e.LoadedAssembly);
        };
        foreach (var plotly in AppDomain.CurrentDomain.GetAssemblies().Where(a => a.GetName().Name == PlotlyAssembly))
            TryRegister(formatter, plotly);
        TryRegister(formatter, typeof(Plotly.NET.GenericChart).Assembly);   // CourseKit's own copy, loaded here if not yet
    }

    private static void TryRegister(Type formatter, Assembly plotly)
    {
        try { Register(formatter, plotly); }
        catch (Exception e) when (e is TargetInvocationException or MissingMethodException or ArgumentException or TypeLoadException)
        {
            Console.Error.WriteLine($"CourseKit: Plotly.NET charts will show as text: registering their notebook formatter failed ({e.GetBaseException().Message})");
        }
    }

    /// <summary>Registers the plotly.js JSON formatter for the <c>GenericChart</c> of one copy of Plotly.NET.</summary>
    internal static void Register(Type formatter, Assembly plotly)
    {
        var register = formatter.GetMethod("Register", BindingFlags.Public | BindingFlags.Static, [typeof(Type), typeof(Action<object, TextWriter>), typeof(string)])
                       ?? throw new MissingMethodException(formatter.FullName, "Register(Type, Action<object, TextWriter>, string)");
        var prefer = formatter.GetMethod("SetPreferredMimeTypesFor", BindingFlags.Public | BindingFlags.Static, [typeof(Type), typeof(string[])])
                     ?? throw new MissingMethodException(formatter.FullName, "SetPreferredMimeTypesFor(Type, string[])");
        var chart = plotly.GetType(PlotlyAssembly + ".GenericChart", throwOnError: true)!;
        var toFigureJson = chart.GetMethod("toFigureJson", BindingFlags.Public | BindingFlags.Static, [chart])
                           ?? throw new MissingMethodException(chart.FullName, "toFigureJson(GenericChart)");
        Action<object, TextWriter> write = (figure, writer) => writer.Write((string)toFigureJson.Invoke(null, [figure])!);
        // GenericChart is an F# union: the values are instances of its nested case classes.
        foreach (var type in chart.GetNestedTypes().Where(t => t.IsSubclassOf(chart)).Prepend(chart))
        {
            register.Invoke(null, [type, write, DisplayOutput.PlotlyJson]);
            prefer.Invoke(null, [type, new[] { DisplayOutput.PlotlyJson, DisplayOutput.PlainText }]);
        }
    }
}
