using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.PackageManagement;

namespace CourseKit.Kernel.Hosting;

/// <summary>
/// The C# kernel of .NET Interactive, set up as Polyglot Notebooks set it up: <c>#r "nuget: ..."</c>
/// restores packages and references their assemblies, <c>display(...)</c> and the other kernel helpers
/// are in scope, <c>#!who</c> lists variables, and values can be shared.
/// </summary>
internal static class InteractiveKernel
{
    public static CSharpKernel Create()
    {
        var kernel = new CSharpKernel();
        kernel.UseNugetDirective((k, packages) =>
        {
            k.AddAssemblyReferences(packages.SelectMany(p => p.AssemblyPaths));
            return Task.CompletedTask;
        });
        return kernel.UseKernelHelpers().UseWho().UseValueSharing();
    }
}
