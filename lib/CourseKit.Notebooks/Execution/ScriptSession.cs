using System.Collections.Immutable;
using System.Text;
using CourseKit.Display;
using CourseKit.Notebooks.Format;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Scripting;

namespace CourseKit.Notebooks.Execution;

/// <summary>
/// The Roslyn script state of one notebook: each cell is a submission that continues the previous
/// one, so variables, types and usings carry over, as in the .NET Interactive C# kernel.
/// </summary>
internal sealed class ScriptSession
{
    /// <summary>The namespaces the .NET Interactive C# kernel imports by default (CSharpKernel.ScriptOptions); no more, so that
    /// a notebook that runs here also compiles there.</summary>
    public static readonly string[] KernelImports =
        ["System", "System.Text", "System.Collections", "System.Collections.Generic", "System.Threading.Tasks", "System.Linq"];

    private readonly ScriptOptions options;
    private readonly string notebookDirectory;
    private readonly string notebookName;
    private readonly CellGlobals globals = new();
    private ScriptState<object>? state;

    public ScriptSession(string notebookDirectory, string notebookName)
    {
        this.notebookDirectory = notebookDirectory;
        this.notebookName = notebookName;
        options = ScriptOptions.Default
            .WithLanguageVersion(LanguageVersion.Latest)
            .WithImports(KernelImports)
            .AddReferences(typeof(torch).Assembly, typeof(CellGlobals).Assembly)
            .WithMetadataResolver(ScriptMetadataResolver.Default.WithBaseDirectory(notebookDirectory))
            .WithSourceResolver(new SourceFileResolver(ImmutableArray<string>.Empty, notebookDirectory))
            .WithEmitDebugInformation(true)
            .WithFileEncoding(Encoding.UTF8)
            .WithOptimizationLevel(OptimizationLevel.Release);
    }

    /// <summary>The file name a cell's code carries in diagnostics and stack traces.</summary>
    public string CellPath(int cellNumber) => Path.Combine(notebookDirectory, $"{notebookName}.cell{cellNumber}.csx");

    /// <summary>
    /// Compiles and runs one cell; outputs (the trailing expression's value, errors) go to
    /// <paramref name="recorder"/>. <paramref name="compiled"/> is called between compilation and
    /// execution (the runner's timeout covers execution only: the first cell of a process also pays
    /// for warming up the compiler). Returns the error, or null when the cell succeeded.
    /// </summary>
    public ErrorOutput? Run(string code, int cellNumber, int executionCount, CellRecorder recorder, Action compiled,
        CancellationToken cancellation)
    {
        var cellOptions = options.WithFilePath(CellPath(cellNumber));
        var script = state is null
            ? CSharpScript.Create<object>(code, cellOptions, typeof(CellGlobals))
            : state.Script.ContinueWith<object>(code, cellOptions);
        var errors = script.Compile(cancellation).Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
        compiled();
        if (errors.Length > 0) return CompilationError(errors);

        var next = (state is null
                ? script.RunAsync(globals, _ => true, cancellation)
                : script.RunFromAsync(state, _ => true, cancellation))
            .GetAwaiter().GetResult();
        state = next;
        if (next.Exception is { } exception) return Traceback.Of(exception, CellNumberOf);
        if (HasValue(script)) recorder.Add(new ExecuteResultOutput(executionCount, DisplayOutput.From(next.ReturnValue)));
        return null;
    }

    private int? CellNumberOf(string? file)
    {
        if (file is null) return null;
        var name = Path.GetFileName(file);
        var prefix = notebookName + ".cell";
        return name.StartsWith(prefix, StringComparison.Ordinal) && name.EndsWith(".csx", StringComparison.Ordinal) &&
               int.TryParse(name[prefix.Length..^4], out var n) ? n : null;
    }

    /// <summary>True when the cell ends with an expression without a semicolon whose type is not void (the kernel shows its value).</summary>
    private static bool HasValue(Script script)
    {
        var compilation = script.GetCompilation();
        var tree = compilation.SyntaxTrees.Last();
        if (tree.GetRoot() is not CompilationUnitSyntax unit ||
            unit.Members.LastOrDefault() is not GlobalStatementSyntax { Statement: ExpressionStatementSyntax statement } ||
            !statement.SemicolonToken.IsMissing)
            return false;
        var type = compilation.GetSemanticModel(tree).GetTypeInfo(statement.Expression).Type;
        return type is not null && type.SpecialType != SpecialType.System_Void;
    }

    private static ErrorOutput CompilationError(Diagnostic[] errors)
    {
        var lines = errors.Select(d =>
        {
            var position = d.Location.GetLineSpan().StartLinePosition;
            return $"line {position.Line + 1}, column {position.Character + 1}: {d.Id}: {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}";
        }).ToArray();
        return new ErrorOutput("CompilationError", lines[0], lines);
    }
}
