namespace CourseKit.Tests;

/// <summary>
/// Tests that need libtorch's global random generator (or the whole process, for memory readings)
/// to themselves: xunit runs this collection after the parallel phase, one test at a time.
/// </summary>
[CollectionDefinition(nameof(SeededRandomCollection), DisableParallelization = true)]
public sealed class SeededRandomCollection;
