using System.Diagnostics;

namespace CourseKit.Notebooks.Tests.Grading;

/// <summary>Validates results.json files against Gradescope's format (gradescope-results.schema.json) with Python's jsonschema (python3-jsonschema).</summary>
internal static class SchemaValidator
{
    public static string SchemaPath => Path.Combine(AppContext.BaseDirectory, "Grading", "gradescope-results.schema.json");

    /// <summary>Exit code 0 and no messages when every file is valid; else the first error of each invalid file.</summary>
    public static (int ExitCode, string Messages) Validate(IReadOnlyList<string> files)
    {
        const string script = """
            import json, sys
            from jsonschema import Draft202012Validator
            schema = json.load(open(sys.argv[1]))
            Draft202012Validator.check_schema(schema)
            validator = Draft202012Validator(schema)
            bad = 0
            for path in sys.argv[2:]:
                errors = list(validator.iter_errors(json.load(open(path))))
                if errors:
                    bad += 1
                    print(f"{path}: {errors[0].message} at {list(errors[0].absolute_path)}")
            sys.exit(1 if bad else 0)
            """;
        var start = new ProcessStartInfo("/usr/bin/python3", ["-c", script, SchemaPath, .. files])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output.Result + error);
    }
}
