namespace CourseKit.Notebooks.Grading;

/// <summary>How a graded test ended.</summary>
public enum TestOutcome
{
    Passed,
    Failed,
    TimedOut,
    Crashed,
    Tampered,
    Forbidden,
    NotRun,
}

/// <summary>One graded test of one submission: points earned, the outcome and what the student reads about it.</summary>
public sealed record TestResult(string GradeId, double Score, double MaxScore, TestOutcome Outcome, string Output);

/// <summary>
/// One submission graded: its tests, notes about the submission as a whole (a tampered cell, an
/// unreadable file), the kernel starts it took and the wall time.
/// </summary>
public sealed record SubmissionResult(string Student, string NotebookName, IReadOnlyList<TestResult> Tests, IReadOnlyList<string> Notes,
    int KernelStarts, TimeSpan Duration)
{
    public double Score => Tests.Sum(t => t.Score);

    public double MaxScore => Tests.Sum(t => t.MaxScore);
}
