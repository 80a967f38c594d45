using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace CourseKit.Charts;

/// <summary>
/// Finds SkiaSharp's and HarfBuzz's native libraries (which draw the charts' static images and the image
/// grids' labels) wherever CourseKit.dll is loaded from. A host with a deps.json (an application, a test
/// project) finds them in <c>runtimes/RID/native/</c> by itself; a notebook kernel that loads CourseKit.dll
/// with <c>#r</c> reads no deps.json and would look only in its own folders. So CourseKit resolves them
/// itself: beside CourseKit.dll first, then in the <c>runtimes/RID/native/</c> folder below it.
/// </summary>
internal static class ChartNativeLibraries
{
    private static readonly string[] Libraries = ["libSkiaSharp", "libHarfBuzzSharp"];

#pragma warning disable CA2255   // a library module initializer, on purpose: the resolver must be in place before the first chart
    [ModuleInitializer]
    internal static void Register()
#pragma warning restore CA2255
    {
        foreach (var assembly in new[] { typeof(SkiaSharp.SKObject).Assembly, typeof(HarfBuzzSharp.Buffer).Assembly })
        {
            try { NativeLibrary.SetDllImportResolver(assembly, Resolve); }
            catch (InvalidOperationException) { }   // the host set one already: its own resolution stands
        }
    }

    private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (!Libraries.Contains(name)) return IntPtr.Zero;
        var folder = Path.GetDirectoryName(typeof(ChartNativeLibraries).Assembly.Location) ?? AppContext.BaseDirectory;
        var file = name + ".so";
        foreach (var path in new[] { Path.Combine(folder, file), Path.Combine(folder, "runtimes", RuntimeInformation.RuntimeIdentifier, "native", file) })
            if (File.Exists(path) && NativeLibrary.TryLoad(path, out var handle)) return handle;
        return IntPtr.Zero;   // the runtime's own search, and its error message, from here
    }
}
