using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using CourseKit.Notebooks.Execution;
using CourseKit.Notebooks.Grading;

namespace CourseKit.Notebooks.Cli;

/// <summary><c>coursekit-notebooks grade</c>: grades a class of submissions (see <see cref="SubmissionGrader"/>).</summary>
public static class GradeCommand
{
    public const string Usage = """
        usage: coursekit-notebooks grade SUBMISSIONS --assignment INSTRUCTOR.ipynb --out DIR [--one] [--jobs N] [--test-timeout S] [--memory-limit GB] [--network allow]

        Grades each submission in SUBMISSIONS (a folder of NAME.ipynb files or of one folder per student;
        with --one, SUBMISSIONS itself is one submission) against the instructor notebook (from `assign`),
        each in a kernel process of its own, N at a time (default: the number of cores). Every solution,
        check and test cell runs under the wall-time limit S (default 20 s, or the cell's own) and the
        memory limit (default 3 GB); one that hangs or kills its kernel costs that test only.
        On Linux the grader and its kernels run in a network namespace of their own with loopback only, so no
        submission reaches the network; where the OS refuses one (user namespaces disabled, as in a default Docker
        container) grading goes on with the network and says why. --network allow skips the namespace.
        Writes DIR/STUDENT/results.json (Gradescope's format), DIR/STUDENT/feedback.html and DIR/gradebook.csv,
        and prints each submission's score and time and the class's total time.
        Exits 0 when every submission was graded, 2 on a usage error or an unusable assignment.
        """;

    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        string? submissions = null, assignment = null, outDir = null;
        var single = false;
        var isolate = true;
        var options = new GradeOptions();
        GradingPlan plan;
        IReadOnlyList<Submission> found;
        try
        {
            for (var i = 0; i < args.Count; i++)
            {
                var arg = args[i];
                string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{arg} needs a value");
                double Positive(string what) => double.TryParse(Value(), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v > 0
                    ? v : throw new ArgumentException($"{arg} needs a positive number of {what}, got '{args[i]}'");
                switch (arg)
                {
                    case "--assignment": assignment = Value(); break;
                    case "--out": outDir = Value(); break;
                    case "--one": single = true; break;
                    case "--network":
                        isolate = Value() is "allow" ? false : throw new ArgumentException($"--network takes 'allow' (the default is no network), got '{args[i]}'");
                        break;
                    case "--jobs": options = options with { Jobs = (int)Positive("submissions") }; break;
                    case "--test-timeout": options = options with { TestTimeout = TimeSpan.FromSeconds(Positive("seconds")) }; break;
                    case "--memory-limit": options = options with { MemoryLimitBytes = (long)(Positive("gigabytes") * 1e9) }; break;
                    default:
                        if (arg.StartsWith("--", StringComparison.Ordinal)) throw new ArgumentException($"unknown option {arg}");
                        if (submissions is not null) throw new ArgumentException($"one SUBMISSIONS folder only, got '{submissions}' and '{arg}'");
                        submissions = arg;
                        break;
                }
            }
            if (submissions is null) throw new ArgumentException("name the SUBMISSIONS folder");
            if (assignment is null) throw new ArgumentException("--assignment INSTRUCTOR.ipynb is required");
            if (outDir is null) throw new ArgumentException("--out DIR is required");
            if (!File.Exists(assignment)) throw new ArgumentException($"no assignment notebook at '{assignment}'");
            try { plan = GradingPlan.Load(assignment); }
            catch (InvalidDataException e) { throw new ArgumentException($"the assignment cannot be graded: {e.Message}"); }
            found = Submission.Find(submissions, plan.FileName, single);
        }
        catch (ArgumentException e)
        {
            error.WriteLine($"coursekit-notebooks: {e.Message}");
            error.WriteLine(Usage);
            return 2;
        }

        if (isolate && !NetworkIsolation.IsInside)
        {
            if (NetworkIsolation.Unavailable() is not { } why) return RunIsolated(args, output, error);
            output.WriteLine($"grade: the kernels keep the network: {why}");
        }
        if (NetworkIsolation.IsInside)
            output.WriteLine("grade: no network: the grader and its kernels run in a network namespace with loopback only");

        outDir = Path.GetFullPath(outDir);
        Directory.CreateDirectory(outDir);
        output.WriteLine($"grade: {found.Count} submission(s) of {plan.Name} ({plan.Tests.Count} tests, {GradescopeResults.Number(plan.MaxScore)} points), {options.Jobs} at a time");
        GradeAll(found, plan, options, outDir, output);
        return 0;
    }

    /// <summary>This command again, with the same arguments, inside <see cref="NetworkIsolation"/>'s namespace; its output passed through.</summary>
    private static int RunIsolated(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        using var grader = Process.Start(NetworkIsolation.Wrap(KernelProcess.DotnetHost(), [typeof(GradeCommand).Assembly.Location, "grade", .. args]))
                           ?? throw new InvalidOperationException("could not start the isolated grader");
        var errors = Task.Run(() => Pass(grader.StandardError, error));
        Pass(grader.StandardOutput, output);
        errors.Wait();
        grader.WaitForExit();
        return grader.ExitCode;
    }

    private static void Pass(StreamReader from, TextWriter to)
    {
        while (from.ReadLine() is { } line)
            lock (to) to.WriteLine(line);
    }

    /// <summary>Grades <paramref name="submissions"/> in parallel, writes each one's results as it finishes and the gradebook at the end, and prints progress and timing.</summary>
    public static IReadOnlyList<SubmissionResult> GradeAll(IReadOnlyList<Submission> submissions, GradingPlan plan, GradeOptions options, string outDir, TextWriter output)
    {
        var watch = Stopwatch.StartNew();
        var results = new SubmissionResult[submissions.Count];
        var done = 0;
        var gate = new object();
        // One at a time from the front of the list (no range partitioning), so progress follows the class's order.
        var order = Partitioner.Create(Enumerable.Range(0, submissions.Count), EnumerablePartitionerOptions.NoBuffering);
        Parallel.ForEach(order, new ParallelOptions { MaxDegreeOfParallelism = options.Jobs }, k =>
        {
            var submission = submissions[k];
            var result = submission.NotebookPath is { } path
                ? SubmissionGrader.Grade(submission.Student, path, plan, options)
                : new SubmissionResult(submission.Student, plan.Name,
                    plan.Tests.Select(t => new TestResult(t.GradeId, 0, t.Points, TestOutcome.NotRun, submission.Problem!)).ToArray(), [submission.Problem!], 0, TimeSpan.Zero);
            var dir = Path.Combine(outDir, submission.Student);
            Directory.CreateDirectory(dir);
            GradescopeResults.Save(result, Path.Combine(dir, "results.json"));
            File.WriteAllText(Path.Combine(dir, "feedback.html"), FeedbackPage.Render(result));
            results[k] = result;
            lock (gate)
            {
                done++;
                var bar = new string('#', done * 20 / submissions.Count).PadRight(20, '.');
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"[{bar}] {done}/{submissions.Count} {submission.Student}: {GradescopeResults.Number(result.Score)}/{GradescopeResults.Number(result.MaxScore)} in {result.Duration.TotalSeconds:0.0} s ({result.KernelStarts} kernel start(s))"));
            }
        });
        File.WriteAllText(Path.Combine(outDir, "gradebook.csv"), Gradebook.Render(results));
        var total = watch.Elapsed.TotalSeconds;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"grade: {submissions.Count} submission(s) in {total:0.0} s ({total / Math.Max(1, submissions.Count):0.00} s each with {options.Jobs} at a time; " +
            $"{results.Average(r => r.Duration.TotalSeconds):0.00} s each on its own); mean score {results.Average(r => r.Score):0.##} of {GradescopeResults.Number(plan.MaxScore)}; results in {outDir}"));
        return results;
    }
}
