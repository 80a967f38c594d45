namespace CourseKit.Notebooks.Tests;

/// <summary>Tests that run notebooks share one collection: the runner runs one notebook at a time per process, and timings stay fair.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RunnerCollection
{
    public const string Name = "notebook runs";
}
