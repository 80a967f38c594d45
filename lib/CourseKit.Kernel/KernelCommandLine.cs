using CourseKit.Kernel.Protocol;
using CourseKit.Kernel.Server;

namespace CourseKit.Kernel;

/// <summary>The command line of <c>coursekit-kernel</c>: serve one connection file, or install the kernelspec.</summary>
internal static class KernelCommandLine
{
    public const string Usage = """
        usage: coursekit-kernel CONNECTION_FILE
               coursekit-kernel install [--user | --prefix DIR]

        CONNECTION_FILE   runs the C# kernel for a Jupyter front end (messaging protocol 5.3) until it
                          is shut down or the front end's process ends.
        install           writes the kernelspec '.net-csharp' (display name '.NET (C#)') so that
                          VS Code's Jupyter extension, JupyterLab and nbclient can start this kernel:
                          --user (default) in the user's Jupyter data folder, --prefix DIR in DIR/share/jupyter/kernels.
        """;

    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        if (args.Count == 0 || args[0] is "-h" or "--help" or "help")
        {
            (args.Count == 0 ? error : output).WriteLine(Usage);
            return args.Count == 0 ? 2 : 0;
        }
        if (args[0] == "install") return Install(args.Skip(1).ToArray(), output, error);
        if (args.Count != 1 || args[0].StartsWith('-'))
        {
            error.WriteLine($"coursekit-kernel: unexpected arguments: {string.Join(' ', args)}");
            error.WriteLine(Usage);
            return 2;
        }

        // First, before the C# kernel's slow start: a front end that dies meanwhile must still end this process.
        ParentProcessWatch.Start(() => Environment.Exit(0));
        ConnectionInfo connection;
        try { connection = ConnectionInfo.Load(args[0]); }
        catch (InvalidDataException e)
        {
            error.WriteLine($"coursekit-kernel: {e.Message}");
            return 1;
        }
        using var server = new JupyterKernelServer(connection, error);
        server.Run();
        return 0;
    }

    private static int Install(string[] args, TextWriter output, TextWriter error)
    {
        string directory;
        switch (args)
        {
            case [] or ["--user"]:
                directory = KernelSpec.UserKernelsDirectory();
                break;
            case ["--prefix", var prefix]:
                directory = Path.Combine(Path.GetFullPath(prefix), "share", "jupyter", "kernels");
                break;
            default:
                error.WriteLine($"coursekit-kernel install: unexpected arguments: {string.Join(' ', args)}");
                error.WriteLine(Usage);
                return 2;
        }
        var folder = KernelSpec.Install(directory);
        output.WriteLine($"installed the Jupyter kernelspec '{KernelSpec.Name}' ({KernelSpec.DisplayName}) in {folder}");
        return 0;
    }
}
